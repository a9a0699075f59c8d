using System.Diagnostics;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>docker-compose.yml is validated with Debian's docker-compose (no engine needed for <c>config</c>).</summary>
[Trait("Category", "Integration")]
[Trait("requires", "docker-compose")]
public sealed class DockerComposeTests
{
    private static async Task<(int Code, string Output)> ComposeConfigAsync(string envFile, params string[] extra)
    {
        var info = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var arg in (string[])["--env-file", envFile, "-f", "docker-compose.yml", "config", .. extra])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_Stack_Is_Valid_With_The_Example_Environment()
    {
        var (code, output) = await ComposeConfigAsync(RepositoryPaths.Of(".env.example"), "--services");
        Assert.True(code == 0, output);
        foreach (var service in new[] { "mosquitto", "influxdb", "grafana", "fleet", "agent", "school-simulator" })
        {
            Assert.Contains(service, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Missing_Secret_Stops_The_Stack_Instead_Of_Falling_Back_To_A_Default()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var (code, output) = await ComposeConfigAsync(empty, "-q");
            Assert.NotEqual(0, code);
            Assert.Contains("in .env", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void No_Secret_Is_Committed_And_Grafanas_Secret_Key_Is_Not_The_Default()
    {
        var compose = File.ReadAllText(RepositoryPaths.Of("docker-compose.yml"));
        Assert.Contains("GF_SECURITY_SECRET_KEY: ${GRAFANA_SECRET_KEY:?", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("SW2YcwTIb9zpOOhoPsMm", compose, StringComparison.Ordinal); // Grafana's built-in default key
        Assert.False(File.Exists(RepositoryPaths.Of(".env")) && IsTracked(".env"));
    }

    private static bool IsTracked(string path)
    {
        var info = new ProcessStartInfo("git", ["ls-files", "--error-unmatch", path]) { WorkingDirectory = RepositoryPaths.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
