using System.Globalization;
using System.Text;
using ClassroomFleet.Agent.Devices.Switch;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.Devices.Switch;

/// <summary>
/// Reboots, counter discontinuities and 32-bit counters, against a private snmpsim whose recordings are snapshots of
/// one switch: between two polls the test points the device's credential (the community, which selects the recording
/// in snmpsim) at the next snapshot, as if the switch's state had moved on.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class SwitchDiscontinuityTests
{
    private const ulong Base = 1_000_000_000;

    /// <summary>One port, Gi1/0/1, the uplink. <paramref name="hc"/> false leaves out ifXTable's counters (a switch with only 32-bit ones).</summary>
    private static string Snapshot(uint upTime, ulong inOctets, uint discontinuity = 0, uint engineBoots = 3, bool hc = true, long ifSpeed = 1_000_000_000)
    {
        var text = new StringBuilder();
        void Row(string oid, string type, object value) => text.Append(CultureInfo.InvariantCulture, $"{oid}|{type}|{value}\n");
        Row("1.3.6.1.2.1.1.3.0", "67", upTime);
        Row("1.3.6.1.2.1.2.2.1.2.1", "4", "GigabitEthernet1/0/1");
        Row("1.3.6.1.2.1.2.2.1.5.1", "66", ifSpeed);
        Row("1.3.6.1.2.1.2.2.1.8.1", "2", 1);
        Row("1.3.6.1.2.1.2.2.1.10.1", "65", inOctets & uint.MaxValue);
        Row("1.3.6.1.2.1.2.2.1.14.1", "65", 7);
        Row("1.3.6.1.2.1.2.2.1.16.1", "65", (inOctets / 2) & uint.MaxValue);
        Row("1.3.6.1.2.1.2.2.1.20.1", "65", 0);
        Row("1.3.6.1.2.1.31.1.1.1.1.1", "4", "Gi1/0/1");
        if (hc)
        {
            Row("1.3.6.1.2.1.31.1.1.1.6.1", "70", inOctets);
            Row("1.3.6.1.2.1.31.1.1.1.10.1", "70", inOctets / 2);
            Row("1.3.6.1.2.1.31.1.1.1.15.1", "66", ifSpeed / 1_000_000);
            Row("1.3.6.1.2.1.31.1.1.1.19.1", "67", discontinuity);
        }

        Row("1.3.6.1.6.3.10.2.1.2.0", "2", engineBoots);
        return text.ToString();
    }

    private static readonly Dictionary<string, string> Recordings = new()
    {
        ["base"] = Snapshot(100_000, Base),
        ["later"] = Snapshot(100_100, Base + 1_000_000),
        ["rebooted"] = Snapshot(50, 4_000),
        ["discontinuity"] = Snapshot(100_200, Base + 2_000_000, discontinuity: 100_150),
        ["engine"] = Snapshot(100_300, Base + 3_000_000, engineBoots: 4),
        ["c32-near-wrap"] = Snapshot(200_000, uint.MaxValue - 299_999, hc: false),
        ["c32-wrapped"] = Snapshot(200_100, 700_000, hc: false),
        ["slow-near-wrap"] = Snapshot(200_000, uint.MaxValue - 299_999, hc: false, ifSpeed: 10_000_000),
        ["slow-reset"] = Snapshot(200_100, 700_000_000, hc: false, ifSpeed: 10_000_000),
    };

    private static string School(string address) => $$"""
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 测试学校
        category: urban
        devices:
          - id: sw-1
            kind: switch
            address: "{{address}}"
            snmp: { version: v2c, credential: sw }
            uplinks: [Gi1/0/1]
        """;

    [Theory]
    [InlineData("rebooted", CounterRate.DeviceRestarted)]
    [InlineData("discontinuity", CounterRate.CounterDiscontinuity)]
    [InlineData("engine", CounterRate.EngineRebooted)]
    public async Task An_Interval_Across_A_Restart_Or_Discontinuity_Is_Discarded_With_Its_Reason(string next, string reason)
    {
        await using var snmpsim = await SnmpsimProcess.StartAsync(Recordings, "base");
        await using var fixture = await SwitchPollerFixture.CreateAsync(School(snmpsim.Endpoint.ToString()), new() { ["Credentials:sw:Community"] = "base" });
        var device = fixture.Device("sw-1");

        await fixture.Poller.PollAsync(device);
        await Task.Delay(500);
        fixture.Configuration["Credentials:sw:Community"] = "later";
        var trusted = SwitchPollerTests.Uplink(await fixture.Poller.PollAsync(device));
        await Task.Delay(500);
        fixture.Configuration["Credentials:sw:Community"] = next;
        var points = await fixture.Poller.PollAsync(device);

        Assert.True(trusted.Floats!["in_bps"] > 0);
        var uplink = SwitchPollerTests.Uplink(points);
        Assert.False(uplink.Floats!.ContainsKey("in_bps"));
        Assert.Equal(reason, uplink.Strings!["discarded"]);
        var port = SwitchPollerTests.Interface(points, "Gi1/0/1");
        Assert.Equal(reason, port.Strings!["discarded"]);
        Assert.False(port.Integers!.ContainsKey("in_errors_delta"));
    }

    [Fact]
    public async Task Without_Hc_Counters_The_32_Bit_Ones_Are_Used_And_A_Plausible_Wrap_Is_Corrected()
    {
        await using var snmpsim = await SnmpsimProcess.StartAsync(Recordings, "c32-near-wrap");
        await using var fixture = await SwitchPollerFixture.CreateAsync(School(snmpsim.Endpoint.ToString()), new() { ["Credentials:sw:Community"] = "c32-near-wrap" });
        var device = fixture.Device("sw-1");

        await fixture.Poller.PollAsync(device);
        await Task.Delay(1000);
        fixture.Configuration["Credentials:sw:Community"] = "c32-wrapped";
        var points = await fixture.Poller.PollAsync(device);

        var port = SwitchPollerTests.Interface(points, "Gi1/0/1");
        Assert.Equal(32, port.Integers!["counter_bits"]);
        Assert.Equal(1000, port.Integers["speed_mbps"]);
        // 300,000 octets to the wrap and 700,000 after it: 1,000,000 octets in about a second.
        Assert.InRange(port.Floats!["in_bps"], 1e6, 8.2e6);
        Assert.Equal(7, port.Integers["in_errors"]);
    }

    [Fact]
    public async Task An_Implausible_32_Bit_Wrap_Is_Discarded_As_A_Reset()
    {
        await using var snmpsim = await SnmpsimProcess.StartAsync(Recordings, "slow-near-wrap");
        await using var fixture = await SwitchPollerFixture.CreateAsync(School(snmpsim.Endpoint.ToString()), new() { ["Credentials:sw:Community"] = "slow-near-wrap" });
        var device = fixture.Device("sw-1");

        await fixture.Poller.PollAsync(device);
        await Task.Delay(500);
        fixture.Configuration["Credentials:sw:Community"] = "slow-reset";
        var points = await fixture.Poller.PollAsync(device);

        // On a 10 Mbit/s port, 700 MB more after a wrap within a second cannot be traffic: the counter was reset.
        var uplink = SwitchPollerTests.Uplink(points);
        Assert.Equal(CounterRate.CounterReset, uplink.Strings!["discarded"]);
        Assert.False(uplink.Floats!.ContainsKey("in_bps"));
    }
}
