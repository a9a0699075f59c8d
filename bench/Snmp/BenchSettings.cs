using System.Globalization;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>Command line: --switches 1,10,100 --rounds 3 --max-repetitions 25 --port 21700 --client-cpu 0 --agent-cpu 1.</summary>
internal sealed record BenchSettings(int[] Switches, int Rounds, int MaxRepetitions, int Port, int ClientCpu, int AgentCpu)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings([1, 10, 100], 3, 25, 21700, 0, Environment.ProcessorCount > 1 ? 1 : 0);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--switches" => settings with { Switches = [.. value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--rounds" => settings with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--max-repetitions" => settings with { MaxRepetitions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--port" => settings with { Port = int.Parse(value, CultureInfo.InvariantCulture) },
                "--client-cpu" => settings with { ClientCpu = int.Parse(value, CultureInfo.InvariantCulture) },
                "--agent-cpu" => settings with { AgentCpu = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings;
    }
}
