using ClassroomFleet.Agent.Cli;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.Cli;

/// <summary>
/// <c>classroomfleet-agent poll --once</c> for field technicians, against snmpsim (school-core) and the PJLink
/// emulator: line protocol on the output for every device, a non-zero exit when one failed.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
[Trait("requires", "pjlink-simulator")]
public sealed class PollOnceCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-once-").FullName;

    private string SchoolPath => Path.Combine(_folder, "school.yaml");

    private string[] HostArgs => ["--Credentials:core-ro:Community=school-core", $"--Agent:StateDirectory={Path.Combine(_folder, "state")}"];

    private async Task WriteSchoolAsync(int panelPort, int darkPort) => await File.WriteAllTextAsync(SchoolPath, $$"""
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 测试学校
        category: urban
        rooms:
          - { id: c1, name: 一年级1班, type: ordinary }
        devices:
          - id: sw-core-1
            kind: switch
            address: "{{ServiceEndpoints.Snmpsim}}"
            snmp: { version: v2c, credential: core-ro }
            uplinks: [Gi1/0/49]
          - { id: panel-c1, kind: panel, room: c1, address: 127.0.0.1, pjlink: { port: {{panelPort}} } }
          - { id: panel-dark, kind: panel, room: c1, address: 127.0.0.1, icmp: false, pjlink: { port: {{darkPort}} } }
          - { id: pcs-lab, kind: student_pc, switch: sw-core-1, macs: [02:cf:00:01:00:01, 02:cf:00:01:00:28] }
        """);

    [Fact]
    public async Task Every_Device_Prints_Its_Points_And_A_Failed_One_Makes_The_Exit_Non_Zero()
    {
        await using var panel = await DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", ["--lamp-hours", "777"]);
        await WriteSchoolAsync(panel.Port, SnmpdProcess.FreeUdpPort());
        using var output = new StringWriter();

        var exit = await PollOnceCommand.RunAsync(HostArgs, null, SchoolPath, output, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("uplink,county=410323,device=sw-core-1,if_name=Gi1/0/49,method=passive,school=4141032301 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("panel,county=410323,device=panel-c1,school=4141032301 ", StringComparison.Ordinal) && l.Contains("lamp_hours=777i", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("pc,county=410323,device=pcs-lab,", StringComparison.Ordinal) && l.Contains("present=1i", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("device,county=410323,device=panel-dark,", StringComparison.Ordinal) && l.Contains("up=false", StringComparison.Ordinal));
        Assert.Equal(4, lines.Count(l => l.StartsWith("device,", StringComparison.Ordinal)));
        Assert.False(File.Exists(Path.Combine(_folder, "state", "school.last-good.yaml")));
    }

    [Fact]
    public async Task One_Device_Given_On_The_Command_Line_Is_Polled_Alone()
    {
        await using var panel = await DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", []);
        await WriteSchoolAsync(panel.Port, SnmpdProcess.FreeUdpPort());
        using var output = new StringWriter();

        var exit = await PollOnceCommand.RunAsync(HostArgs, "panel-c1", SchoolPath, output, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Contains("device=panel-c1,", l, StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task A_Broken_School_File_Exits_2_And_Polls_Nothing()
    {
        await File.WriteAllTextAsync(SchoolPath, "schema: classroomfleet.school/v1\ncounty: nope\n");
        using var output = new StringWriter();

        var exit = await PollOnceCommand.RunAsync(HostArgs, null, SchoolPath, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
