using System.CommandLine;

namespace ClassroomFleet.Cli.Tests.Commands.Audit;

/// <summary>One fleetctl invocation in-process: exit code, standard output and standard error.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs fleetctl with <paramref name="args"/> and only the environment variables given (none by default).</summary>
    public static async Task<CliRun> InvokeAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var exit = await FleetCommands.Build(name => env.GetValueOrDefault(name)).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
