using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Panel;
using ClassroomFleet.Agent.Devices.Panel.PjLink;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.Devices.Panel;

[Trait("Category", "Integration")]
[Trait("requires", "pjlink-simulator")]
public sealed class PanelPollerTests : IAsyncDisposable
{
    private readonly SnmpClient _snmp = new(new SnmpClientOptions());

    [Fact]
    public async Task A_Poll_Yields_One_Panel_Point_With_Typed_Fields()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", "s3cret", "--errors", "000020");
        var poller = Poller(new() { ["Credentials:panels:Password"] = "s3cret" });
        var device = Device(sim.Port, "panels");

        var point = Assert.Single(await poller.PollAsync(device));

        Assert.Equal("panel", point.Measurement);
        Assert.Empty(point.Tags);
        Assert.True(point.Booleans!["reachable"]);
        Assert.True(point.Booleans["powered_on"]);
        Assert.True(point.Floats!["rtt_ms"] >= 0);
        Assert.Equal(1, point.Integers!["power_state"]);
        Assert.Equal(2, point.Integers["pjlink_class"]);
        Assert.Equal(1234, point.Integers["lamp_hours"]);
        Assert.Equal(321, point.Integers["filter_hours"]);
        Assert.Equal(2, point.Integers["error_filter"]);
        Assert.Equal(2, point.Integers["error_worst"]);
        Assert.Equal("SIM0001234", point.Strings!["serial"]);
        Assert.Equal("2.3.1", point.Strings["software_version"]);
        Assert.DoesNotContain(point.Strings.Values, v => v.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Wrong_Password_Fails_The_Poll_With_The_Typed_Error_And_Is_Counted()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", "s3cret");
        var poller = Poller(new() { ["Credentials:panels:Password"] = "wrong" });

        await Assert.ThrowsAsync<PjLinkAuthenticationException>(() => poller.PollAsync(Device(sim.Port, "panels")));
        Assert.Equal(1, poller.AuthenticationFailures);
    }

    [Fact]
    public async Task Garbage_From_The_Device_Fails_The_Poll_And_Is_Counted_And_The_Poller_Recovers()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--garbage");
        var poller = Poller([]);
        var device = Device(sim.Port, null);

        await Assert.ThrowsAsync<PjLinkProtocolException>(() => poller.PollAsync(device));
        Assert.Equal(1, poller.MalformedReplies);
        await sim.ControlAsync("garbage off");
        Assert.Single(await poller.PollAsync(device));
    }

    [Fact]
    public async Task A_Closed_Port_Fails_The_Poll_With_A_PjLink_Error()
    {
        int port;
        await using (var sim = await PjLinkSimulator.StartAsync())
        {
            port = sim.Port;
        }

        var poller = Poller([]);
        var ex = await Assert.ThrowsAsync<PjLinkException>(() => poller.PollAsync(Device(port, null)));
        Assert.Contains("connect", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Panel_Without_PjLink_Is_Polled_By_Icmp_Alone()
    {
        var poller = Poller([]);
        var device = new DeviceEntry { Id = "panel-icmp", Kind = "panel", Address = "127.0.0.1" };

        var point = Assert.Single(await poller.PollAsync(device));
        Assert.True(point.Booleans!["reachable"]);
        Assert.Null(point.Strings);
    }

    public async ValueTask DisposeAsync() => await _snmp.DisposeAsync();

    private static DeviceEntry Device(int port, string? credential) => new()
    {
        Id = "panel-3-2",
        Kind = "panel",
        Address = "127.0.0.1",
        Pjlink = new PjLinkEntry { Port = port, Credential = credential },
    };

    private PanelPoller Poller(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new PanelPoller(
            "panel",
            DeviceProfileCatalog.BuiltIn,
            new DeviceCredentials(configuration),
            new HostResourcesReader(_snmp, new CredentialStore(configuration)),
            TimeProvider.System,
            NullLogger<PanelPoller>.Instance);
    }
}
