using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.Devices.Switch;

/// <summary>The switch poller against snmpsim's school-core recording (48 access ports, uplink Gi1/0/49 at 80/30 Mbit/s).</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class SwitchPollerTests
{
    private static string School(string snmp, string profile = "", string macs = "[02:cf:00:01:00:01, 02:cf:00:01:00:02, 02:cf:00:01:00:03, 02:cf:00:02:00:01]") => $$"""
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 测试学校
        category: urban
        devices:
          - id: sw-core-1
            kind: switch
            address: "{{ServiceEndpoints.Snmpsim}}"
            snmp: {{snmp}}
            uplinks: [Gi1/0/49]
            {{profile}}
          - id: pcs-lab
            kind: student_pc
            switch: sw-core-1
            macs: {{macs}}
        """;

    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["Credentials:core-ro:Community"] = "school-core",
        ["Credentials:core-v3:User"] = "cfshaaes",
        ["Credentials:core-v3:AuthProtocol"] = "SHA",
        ["Credentials:core-v3:AuthPassword"] = "authpass123",
        ["Credentials:core-v3:PrivProtocol"] = "AES",
        ["Credentials:core-v3:PrivPassword"] = "privpass123",
    };

    [Fact]
    public async Task Per_Port_Series_Go_Only_To_The_Uplink_And_Ports_With_A_Registered_Device()
    {
        await using var fixture = await SwitchPollerFixture.CreateAsync(School("{ version: v2c, credential: core-ro }"), Credentials);

        var points = await fixture.Poller.PollAsync(fixture.Device("sw-core-1"));

        // PCs 1-3 sit on ports 1, 1 and 2; panel 1 on port 21.
        var ports = points.Where(p => p.Measurement == "interface").Select(p => p.Tags!["if_name"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Gi1/0/1", "Gi1/0/2", "Gi1/0/21", "Gi1/0/49", "_total"], ports);
        Assert.Equal(2, Interface(points, "Gi1/0/1").Integers!["registered_hosts"]);
        Assert.Equal(49 - 4, Interface(points, "_total").Integers!["ports"]);
        Assert.Equal("uplink-isp", Interface(points, "Gi1/0/49").Strings!["if_alias"]);
        Assert.Equal(64, Interface(points, "Gi1/0/49").Integers!["counter_bits"]);
        Assert.Equal(0, Interface(points, "Gi1/0/49").Integers!["in_errors"]);
    }

    [Fact]
    public async Task Uplink_Rates_Follow_The_Advancing_Counters_And_Never_Exceed_The_Link()
    {
        await using var fixture = await SwitchPollerFixture.CreateAsync(School("{ version: v2c, credential: core-ro }"), Credentials);
        var device = fixture.Device("sw-core-1");

        var first = Uplink(await fixture.Poller.PollAsync(device));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = Uplink(await fixture.Poller.PollAsync(device));

        Assert.False(first.Floats!.ContainsKey("in_bps"));
        Assert.InRange(second.Floats!["in_bps"], 60e6, 100e6);
        Assert.InRange(second.Floats["out_bps"], 20e6, 40e6);
        Assert.Equal(1000, second.Floats["capacity_mbps"]);
        var interval = Interface(await fixture.Poller.PollAsync(device), "Gi1/0/49");
        Assert.Equal(0, interval.Integers!["in_errors_delta"]);
    }

    [Fact]
    public async Task With_The_All_Ports_Profile_Every_Port_Gets_Its_Series()
    {
        await using var fixture = await SwitchPollerFixture.CreateAsync(School("{ version: v2c, credential: core-ro }", "profile: switch-all-ports"), Credentials);

        var points = await fixture.Poller.PollAsync(fixture.Device("sw-core-1"));

        Assert.Equal(49, points.Count(p => p.Measurement == "interface" && p.Tags!["if_name"] != "_total"));
    }

    [Fact]
    public async Task An_Snmpv3_Target_With_Its_Context_Is_Polled_With_Authentication_And_Privacy()
    {
        await using var fixture = await SwitchPollerFixture.CreateAsync(School("{ version: v3, credential: core-v3, context: school-core }"), Credentials);

        var points = await fixture.Poller.PollAsync(fixture.Device("sw-core-1"));

        Assert.Equal(1000, Uplink(points).Floats!["capacity_mbps"]);
        Assert.Contains(points, p => p.Measurement == "interface" && p.Tags!["if_name"] == "Gi1/0/21");
    }

    [Fact]
    public async Task A_Wrong_V3_Password_Fails_The_Poll()
    {
        var credentials = new Dictionary<string, string?>(Credentials) { ["Credentials:core-v3:AuthPassword"] = "wrongpass123" };
        await using var fixture = await SwitchPollerFixture.CreateAsync(School("{ version: v3, credential: core-v3, context: school-core }"), credentials);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Poller.PollAsync(fixture.Device("sw-core-1")));
    }

    internal static TelemetryPoint Interface(IEnumerable<TelemetryPoint> points, string name) =>
        points.Single(p => p.Measurement == "interface" && p.Tags!["if_name"] == name);

    internal static TelemetryPoint Uplink(IEnumerable<TelemetryPoint> points) => points.Single(p => p.Measurement == "uplink");
}
