using System.Text.Json;

namespace ClassroomFleet.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/systemd/classroomfleet-agent.service: clean under <c>systemd-analyze verify</c> where it exists (it reports
/// unknown keys and bad values on standard error but still exits 0, so standard error must be empty), and its paths and
/// timeouts agree with install.sh and the production settings.
/// </summary>
public sealed class SystemdUnitTests
{
    private static readonly string UnitPath = RepositoryPaths.Of("deploy", "systemd", "classroomfleet-agent.service");

    [SystemdAnalyzeFact]
    public async Task Systemd_Analyze_Verify_Finds_Nothing_To_Complain_About_But_Does_In_A_Broken_Copy()
    {
        var clean = await ScriptRun.RunAsync("systemd-analyze", new Dictionary<string, string>(), "verify", UnitPath);
        Assert.True(clean.ExitCode == 0 && clean.Errors.Trim().Length == 0, $"rc {clean.ExitCode}: {clean.Errors}");

        // The check itself works: a typo in a key and a bad value are reported.
        var folder = Directory.CreateTempSubdirectory("cf-unit-").FullName;
        try
        {
            var broken = Path.Combine(folder, "classroomfleet-agent.service");
            File.WriteAllText(broken, File.ReadAllText(UnitPath).Replace("Type=notify", "Type=notifyy", StringComparison.Ordinal)
                .Replace("NoNewPrivileges=true", "NoNewPrivilegez=true", StringComparison.Ordinal));
            var complaint = await ScriptRun.RunAsync("systemd-analyze", new Dictionary<string, string>(), "verify", broken);
            Assert.Contains("notifyy", complaint.Errors, StringComparison.Ordinal);
            Assert.Contains("NoNewPrivilegez", complaint.Errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_Unit_Runs_The_Installed_Agent_As_Its_User_With_Its_State_Credentials_And_A_Stop_Bound_Above_The_Agents()
    {
        var unit = Parse(File.ReadAllLines(UnitPath));
        var install = File.ReadAllText(RepositoryPaths.Of("deploy", "install.sh"));

        Assert.Equal(["notify"], unit["Service.Type"]);
        Assert.Equal(["classroomfleet"], unit["Service.User"]);
        Assert.Equal(["/usr/bin/dotnet /opt/classroomfleet/agent/classroomfleet-agent.dll"], unit["Service.ExecStart"]);
        Assert.Contains("APP=$PREFIX/opt/classroomfleet/agent", install, StringComparison.Ordinal);
        Assert.Equal(["-/etc/classroomfleet/agent.env"], unit["Service.EnvironmentFile"]);
        Assert.Contains("\"$ETC/agent.env\"", install, StringComparison.Ordinal);
        Assert.Equal(["/var/lib/classroomfleet"], unit["Service.ReadWritePaths"]);
        Assert.Contains("Agent__StateDirectory=/var/lib/classroomfleet", unit["Service.Environment"]);
        Assert.Equal(["strict"], unit["Service.ProtectSystem"]);
        Assert.Equal(["always"], unit["Service.Restart"]);
        Assert.Equal(["multi-user.target"], unit["Install.WantedBy"]);

        // systemd must give the agent's own bounded stop (flush, goodbye) time to finish before it kills.
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("deploy", "appsettings.production.json")));
        var agentBound = TimeSpan.Parse(settings.RootElement.GetProperty("Agent").GetProperty("ShutdownTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var systemdBound = TimeSpan.FromSeconds(int.Parse(unit["Service.TimeoutStopSec"].Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(systemdBound > agentBound + TimeSpan.FromSeconds(5), $"TimeoutStopSec {systemdBound} leaves no margin over Agent:ShutdownTimeout {agentBound}");
    }

    // Section.Key → values in order; comments and blank lines skipped, as systemd.syntax(7) reads them.
    private static Dictionary<string, List<string>> Parse(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var section = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                Assert.EndsWith("]", line, StringComparison.Ordinal);
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not a key=value line: {raw}");
            var key = section + "." + line[..equals];
            if (!result.TryGetValue(key, out var values))
            {
                result[key] = values = [];
            }

            values.Add(line[(equals + 1)..]);
        }

        return result;
    }
}
