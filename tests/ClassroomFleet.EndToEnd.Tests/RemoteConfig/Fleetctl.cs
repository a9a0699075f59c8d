using System.CommandLine;
using System.Text.Json.Nodes;
using ClassroomFleet.Cli;

namespace ClassroomFleet.EndToEnd.Tests.RemoteConfig;

/// <summary>fleetctl run in the test process, with its own settings file (the saved login) and no other environment.</summary>
internal sealed class Fleetctl(string configFile)
{
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await FleetCommands.Build(name => name == "CF_FLEETCTL_CONFIG" ? configFile : null).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"fleetctl {string.Join(' ', args)}: exit {exit}: {error}");
        return JsonNode.Parse(output)!;
    }

    /// <summary>Runs a reading command until its JSON output matches (generous budget: real agents answer over a real broker).</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, params string[] args)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var shown = await JsonAsync(args);
            if (match(shown))
            {
                return shown;
            }

            Assert.True(DateTime.UtcNow < deadline, $"fleetctl {string.Join(' ', args)} never matched: {shown.ToJsonString()}");
            await Task.Delay(250);
        }
    }
}
