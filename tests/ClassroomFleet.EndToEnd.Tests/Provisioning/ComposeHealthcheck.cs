using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>A service's healthcheck from docker-compose.yml, as the shell in its container would run it.</summary>
internal static class ComposeHealthcheck
{
    /// <summary>The command of a <c>["CMD-SHELL", "…"]</c> healthcheck, with compose's <c>$$</c> escape undone.</summary>
    public static string ShellCommand(string service)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryPaths.Of("docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var test = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)services[service])["healthcheck"])["test"];
        Assert.Equal("CMD-SHELL", ((YamlScalarNode)test[0]).Value);
        return ((YamlScalarNode)test[1]).Value!.Replace("$$", "$", StringComparison.Ordinal);
    }

    public static async Task<(int Code, string Output)> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
