using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;

namespace ClassroomFleet.Agent.Tests.School;

public class SchoolFileDeviceSettingsTests
{
    private const string Valid = """
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 新安县石寺镇中心小学
        category: rural
        urban_rural_code: "220"
        campus: 本部
        classes: { count: 12, as_of: 2026-09-01 }
        teachers: { count: 31, as_of: 2026-09-01 }
        students: { count: 486, as_of: 2026-09-01 }
        rooms:
          - { id: r301, name: 三年级2班, type: ordinary }
          - { id: rec, name: 录播教室, type: recording }
          - { id: lab, name: 计算机教室, type: computer_lab }
        devices:
          - id: panel-3-2
            kind: panel
            room: r301
            address: 10.3.1.32
            pjlink: { credential: panels }
            host_resources: { version: v2c, credential: panel-ro }
            overrides: { timeout: 5s, commands: [1POWR, 1ERST] }
          - id: rec-1
            kind: recorder
            room: rec
            address: 10.3.1.50
            rtsp: { path: /live/main, credential: recorder }
            onvif: { port: 8080, credential: recorder }
          - id: pcs-lab
            kind: student_pc
            room: lab
            hosts: [10.3.2.11-70, 10.3.2.100]
          - id: probe-county
            kind: probe
            probe:
              method: iperf3
              server: 10.0.0.5:5201
              streams: 4
              duration: 10s
              windows: [mon-fri 12:10-13:50, "sat,sun 09:00-17:00"]
        """;

    [Fact]
    public void Loads_Counts_Campus_And_Protocol_Settings()
    {
        var file = SchoolFileLoader.Parse(Valid, "school.yaml");

        Assert.Equal(486, file.Students!.Count);
        Assert.Equal("2026-09-01", file.Teachers!.AsOf);
        Assert.Equal("本部", file.Campus);
        Assert.Equal("panels", file.Devices[0].Pjlink!.Credential);
        Assert.Equal(["1POWR", "1ERST"], file.Devices[0].Overrides!.Commands);
        Assert.Equal("/live/main", file.Devices[1].Rtsp!.Path);
        Assert.Equal(8080, file.Devices[1].Onvif!.Port);
        Assert.Equal("", file.Devices[2].Address);
        Assert.Equal(4, file.Devices[3].Probe!.Streams);
    }

    [Fact]
    public void A_Device_Profile_Override_Changes_Only_What_It_Names()
    {
        var file = SchoolFileLoader.Parse(Valid, "school.yaml");
        var profile = DeviceProfileCatalog.BuiltIn.Resolve(file.Devices[0]);
        var builtIn = DeviceProfileCatalog.BuiltIn.Resolve(new DeviceEntry { Id = "x", Kind = "panel" });

        Assert.Equal(TimeSpan.FromSeconds(5), profile.Timeout);
        Assert.Equal(["1POWR", "1ERST"], profile.PjLinkCommands);
        Assert.Equal(builtIn.Pacing, profile.Pacing);
        Assert.Equal(builtIn.SnmpOids, profile.SnmpOids);
    }

    [Theory]
    [InlineData("students: { count: 486, as_of: 2026-09-01 }", "students: { count: -3, as_of: 2026-09-01 }", "students.count", 10)]
    [InlineData("students: { count: 486, as_of: 2026-09-01 }", "students: { count: 486, as_of: 1.9.2026 }", "students.as_of", 10)]
    [InlineData("urban_rural_code: \"220\"", "urban_rural_code: \"111\"", "urban_rural_code", 6)]
    [InlineData("urban_rural_code: \"220\"", "urban_rural_code: \"999\"", "urban_rural_code", 6)]
    [InlineData("hosts: [10.3.2.11-70, 10.3.2.100]", "hosts: [10.3.2.71-70, 10.3.2.100]", "devices[2].hosts[0]", 32)]
    [InlineData("rtsp: { path: /live/main, credential: recorder }", "rtsp: { path: live main, credential: recorder }", "devices[1].rtsp.path", 27)]
    [InlineData("onvif: { port: 8080, credential: recorder }", "onvif: { port: 80800, credential: recorder }", "devices[1].onvif.port", 28)]
    [InlineData("commands: [1POWR, 1ERST]", "commands: [1POWR, POWR]", "devices[0].overrides.commands[1]", 22)]
    [InlineData("streams: 4", "streams: 0", "devices[3].probe.streams", 38)]
    [InlineData("sat,sun 09:00-17:00", "sat,sun 19:00-17:00", "devices[3].probe.windows[1]", 40)]
    [InlineData("method: iperf3", "method: speedtest", "devices[3].probe.method", 36)]
    public void A_Bad_Setting_Names_Its_Field_And_Line(string good, string bad, string field, long line)
    {
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(Valid.Replace(good, bad, StringComparison.Ordinal), "school.yaml"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_Recorder_Needs_Rtsp_Or_Onvif_And_A_Probe_Needs_Its_Settings()
    {
        var yaml = Valid
            .Replace("    rtsp: { path: /live/main, credential: recorder }\n", "", StringComparison.Ordinal)
            .Replace("    onvif: { port: 8080, credential: recorder }\n", "", StringComparison.Ordinal);
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "school.yaml"));
        Assert.Equal("devices[1].rtsp", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void An_Inline_Password_Is_Not_Accepted_In_Protocol_Settings()
    {
        var yaml = Valid.Replace("pjlink: { credential: panels }", "pjlink: { password: JBMIAProjectorLink }", StringComparison.Ordinal);
        Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "school.yaml"));
    }

    [Fact]
    public void An_Unknown_Profile_Is_Named()
    {
        var yaml = Valid.Replace("    pjlink: { credential: panels }", "    profile: no-such-profile\n    pjlink: { credential: panels }", StringComparison.Ordinal);
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "school.yaml"));
        Assert.Equal("devices[0].profile", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_Host_Range_Expands_To_Every_Address()
    {
        Assert.True(PcHostRange.TryParse("10.3.2.11-70", out var addresses));
        Assert.Equal(60, addresses.Count);
        Assert.Equal("10.3.2.70", addresses[^1].ToString());
        Assert.True(PcHostRange.TryParse("10.3.2.250-255", out var top));
        Assert.Equal(6, top.Count);
        Assert.False(PcHostRange.TryParse("10.3.2", out _));
        Assert.False(PcHostRange.TryParse("::1", out _));
    }
}
