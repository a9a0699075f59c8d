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
    public async Task The_Stack_Is_Valid_With_Every_Value_Of_The_Example_Environment_Filled_In()
    {
        var env = Path.GetTempFileName();
        try
        {
            var filled = File.ReadAllLines(RepositoryPaths.Of(".env.example"))
                .Select(l => l.Length > 1 && !l.StartsWith('#') && l.EndsWith('=') ? l + "filled-" + l[..^1].ToLowerInvariant() : l);
            await File.WriteAllLinesAsync(env, filled);

            var (code, output) = await ComposeConfigAsync(env, "--services");
            Assert.True(code == 0, output);
            foreach (var service in new[] { "mosquitto", "influxdb", "grafana", "fleet", "agent", "school-simulator" })
            {
                Assert.Contains(service, output, StringComparison.Ordinal);
            }

            var (_, resolved) = await ComposeConfigAsync(env);
            Assert.Contains("GF_SECURITY_SECRET_KEY: filled-grafana_secret_key", resolved, StringComparison.Ordinal);
            Assert.Contains("DINGTALK_ROBOT_URL: filled-dingtalk_robot_url", resolved, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(env);
        }
    }

    [Fact]
    public async Task The_Example_Environment_As_It_Stands_Is_Refused_So_No_Placeholder_Becomes_A_Secret()
    {
        var values = File.ReadAllLines(RepositoryPaths.Of(".env.example")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, l => Assert.EndsWith("=", l, StringComparison.Ordinal));

        var (code, output) = await ComposeConfigAsync(RepositoryPaths.Of(".env.example"), "-q");
        Assert.NotEqual(0, code);
        Assert.Contains("in .env", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Build_Context_Leaves_Out_Secrets_And_Build_Output()
    {
        var ignored = File.ReadAllLines(RepositoryPaths.Of(".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in new[] { ".env", "secrets/", "artifacts/", "**/bin/", "**/obj/" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    [Fact]
    public void Every_Data_Folder_Of_An_Image_That_Runs_As_Another_User_Than_Root_Is_Made_And_Owned_By_That_User_In_The_Image()
    {
        var images = ComposeImages.Built();
        Assert.Contains(images, i => i.Service == "fleet");
        foreach (var image in images)
        {
            var dockerfile = Dockerfile.Read(RepositoryPaths.Of(image.Dockerfile));
            if (dockerfile.User is null or "root" or "0")
            {
                continue;
            }

            foreach (var folder in dockerfile.Volumes.Concat(image.NamedVolumeTargets).Distinct(StringComparer.Ordinal))
            {
                Assert.True(dockerfile.CreatesBeforeUser(folder), $"{image.Dockerfile} does not mkdir {folder} before USER {dockerfile.User} (service {image.Service})");
                Assert.True(dockerfile.OwnsBeforeUser(folder), $"{image.Dockerfile} does not chown {folder} to {dockerfile.User} before USER (service {image.Service})");
            }
        }
    }

    [Fact]
    public void The_Simulated_School_Listens_On_The_Port_Its_Image_Declares_And_The_Agent_Polls()
    {
        var dockerfile = File.ReadAllText(RepositoryPaths.Of("simulators", "Dockerfile"));
        var school = File.ReadAllText(RepositoryPaths.Of("simulators", "demo", "school.compose.yaml"));
        var port = System.Text.RegularExpressions.Regex.Match(dockerfile, @"--agent-udpv4-endpoint=0\.0\.0\.0:(\d+)").Groups[1].Value;

        Assert.NotEmpty(port);
        Assert.Contains($"EXPOSE {port}/udp", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"address: school-simulator:{port}", school, StringComparison.Ordinal);
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
