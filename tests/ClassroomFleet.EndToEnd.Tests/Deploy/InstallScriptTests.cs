using System.Runtime.Versioning;

namespace ClassroomFleet.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/install.sh and deploy/uninstall.sh run for real into a CF_PREFIX temp folder: the tree, its modes and intended
/// owners, an update that keeps configuration and outbox, and removal with and without --purge. The prefix mode touches
/// nothing outside the folder (no system user, no chown, no systemctl), which the first test checks too.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-install-").FullName;

    private string Prefix => Path.Combine(_folder, "root");

    private Dictionary<string, string> Environment => new() { ["CF_PREFIX"] = Prefix };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Install_Lays_Out_Binaries_Settings_Credentials_State_And_Unit_With_Their_Modes_And_Owners()
    {
        var userBefore = await ScriptRun.RunAsync("getent", new Dictionary<string, string>(), "passwd", "classroomfleet");
        var school = Write("school.yaml", "schema: classroomfleet.school/v1\n");
        var env = Write("agent.env", "Mqtt__Password=secret\n");

        var run = await InstallAsync("--school-file", school, "--env-file", env, "--no-start");

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.True(File.Exists(At("opt/classroomfleet/agent/classroomfleet-agent.dll")));
        Assert.Equal(Mode("755"), File.GetUnixFileMode(At("opt/classroomfleet/agent")));
        Assert.Equal(Mode("640"), File.GetUnixFileMode(At("etc/classroomfleet/appsettings.json")));
        Assert.Equal(Mode("600"), File.GetUnixFileMode(At("etc/classroomfleet/agent.env")));
        Assert.Equal("Mqtt__Password=secret\n", File.ReadAllText(At("etc/classroomfleet/agent.env")));
        Assert.Equal(Mode("640"), File.GetUnixFileMode(At("etc/classroomfleet/school.yaml")));
        Assert.Equal(Mode("750"), File.GetUnixFileMode(At("var/lib/classroomfleet")));
        Assert.Equal(Mode("750"), File.GetUnixFileMode(At("var/lib/classroomfleet/outbox")));
        Assert.Equal(Mode("644"), File.GetUnixFileMode(At("etc/systemd/system/classroomfleet-agent.service")));
        Assert.Equal(File.ReadAllText(RepositoryPaths.Of("deploy", "systemd", "classroomfleet-agent.service")), File.ReadAllText(At("etc/systemd/system/classroomfleet-agent.service")));

        // The host reads its settings from /etc through a link in its content root (absolute: right on the gateway).
        Assert.Equal("/etc/classroomfleet/appsettings.json", new FileInfo(At("opt/classroomfleet/agent/appsettings.Production.json")).LinkTarget);
        Assert.False(File.Exists(At("opt/classroomfleet/agent/appsettings.Development.json")));

        // The service user owns the state and nothing else; the credentials stay root's.
        Assert.Contains($"would own {At("var/lib/classroomfleet/outbox")} as classroomfleet:classroomfleet", run.Errors, StringComparison.Ordinal);
        Assert.Contains($"would own {At("etc/classroomfleet/agent.env")} as root:root", run.Errors, StringComparison.Ordinal);
        Assert.Contains($"would own {At("etc/classroomfleet/appsettings.json")} as root:classroomfleet", run.Errors, StringComparison.Ordinal);
        Assert.Contains("unit installed, not enabled", run.Errors, StringComparison.Ordinal);
        var userAfter = await ScriptRun.RunAsync("getent", new Dictionary<string, string>(), "passwd", "classroomfleet");
        Assert.Equal(userBefore.ExitCode, userAfter.ExitCode);
    }

    [Fact]
    public async Task A_Second_Install_Replaces_The_Binaries_And_Keeps_Settings_Credentials_And_The_Outbox()
    {
        Assert.Equal(0, (await InstallAsync("--no-start")).ExitCode);
        File.WriteAllText(At("etc/classroomfleet/appsettings.json"), "{ \"edited\": true }");
        File.WriteAllText(At("etc/classroomfleet/agent.env"), "Mqtt__Password=kept\n");
        File.WriteAllText(At("var/lib/classroomfleet/outbox/seg-00000000000000000001.log"), "unacknowledged");
        File.WriteAllText(At("opt/classroomfleet/agent/stale.dll"), "from the previous version");

        var again = await InstallAsync("--no-start");

        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(At("etc/classroomfleet/appsettings.json")));
        Assert.Equal("Mqtt__Password=kept\n", File.ReadAllText(At("etc/classroomfleet/agent.env")));
        Assert.Equal("unacknowledged", File.ReadAllText(At("var/lib/classroomfleet/outbox/seg-00000000000000000001.log")));
        Assert.False(File.Exists(At("opt/classroomfleet/agent/stale.dll")));
        Assert.True(File.Exists(At("opt/classroomfleet/agent/classroomfleet-agent.dll")));
    }

    [Fact]
    public async Task Uninstall_Keeps_Configuration_And_Outbox_And_Purge_Removes_Them_Saying_What_Was_Unacknowledged()
    {
        Assert.Equal(0, (await InstallAsync("--no-start")).ExitCode);
        File.WriteAllText(At("var/lib/classroomfleet/outbox/seg-00000000000000000001.log"), new string('x', 1000));

        var keep = await ScriptRun.RunAsync(RepositoryPaths.Of("deploy", "uninstall.sh"), Environment);

        Assert.True(keep.ExitCode == 0, keep.Errors);
        Assert.False(Directory.Exists(At("opt/classroomfleet")));
        Assert.False(File.Exists(At("etc/systemd/system/classroomfleet-agent.service")));
        Assert.True(File.Exists(At("etc/classroomfleet/appsettings.json")));
        Assert.True(File.Exists(At("var/lib/classroomfleet/outbox/seg-00000000000000000001.log")));

        var purge = await ScriptRun.RunAsync(RepositoryPaths.Of("deploy", "uninstall.sh"), Environment, "--purge");

        Assert.True(purge.ExitCode == 0, purge.Errors);
        Assert.Contains("purging 1 outbox segment(s), 1000 bytes", purge.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("etc/classroomfleet")));
        Assert.False(Directory.Exists(At("var/lib/classroomfleet")));
    }

    [Fact]
    public async Task Install_Refuses_A_Folder_That_Is_Not_A_Publish_Output_And_An_Unknown_Option()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var notPublished = await ScriptRun.RunAsync(RepositoryPaths.Of("deploy", "install.sh"), Environment, empty);
        var unknown = await ScriptRun.RunAsync(RepositoryPaths.Of("deploy", "install.sh"), Environment, AppContext.BaseDirectory, "--frobnicate");

        Assert.NotEqual(0, notPublished.ExitCode);
        Assert.Contains("has no classroomfleet-agent.dll", notPublished.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown option --frobnicate", unknown.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Prefix));
    }

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    // The agent's build output next to this test is a publish folder as far as the script is concerned.
    private Task<ScriptRun> InstallAsync(params string[] options)
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "classroomfleet-agent.dll")));
        return ScriptRun.RunAsync(RepositoryPaths.Of("deploy", "install.sh"), Environment, [AppContext.BaseDirectory, .. options]);
    }

    private string At(string relative) => Path.Combine(Prefix, relative);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
