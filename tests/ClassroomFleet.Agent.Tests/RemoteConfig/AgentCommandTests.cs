using System.Security.Cryptography;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>Commands to the production agent host over the real mosquitto; the bandwidth probe runs against the real iperf3.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "iperf3")]
public sealed class AgentCommandTests : IDisposable
{
    private const string County = "410323";
    private readonly ECDsa _fleetKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _fleetKey.Dispose();

    [Fact]
    public async Task Probe_Bandwidth_Is_Delivered_Then_Succeeds_With_The_Rates_Measured_Against_Iperf3()
    {
        var school = "41032" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var fleet = await FleetStandIn.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey);
        await using var agent = await AgentUnderTest.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey, TimeSpan.FromSeconds(30));
        await using var iperf3 = await Iperf3Process.StartAsync();
        var iperf = iperf3.Endpoint;
        await fleet.PushAsync(new ConfigDocument
        {
            County = County, School = school, Version = 1, IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            SchoolFile = RemoteConfigFixture.SchoolYaml("with-probe", school, County) + $"""

              - id: probe-county
                kind: probe
                probe: {"{"} method: iperf3, server: "{iperf}", streams: 1, duration: 1s, direction: down, windows: ["00:00-23:59"] {"}"}
            """,
        });
        await fleet.WaitForAsync(r => r.Status == ConfigStatus.Confirmed, TimeSpan.FromSeconds(30));

        await fleet.SendAsync(Command("cmd-probe-1", CommandTypes.ProbeBandwidth, null, TimeSpan.FromMinutes(1)));
        await fleet.SendAsync(Command("cmd-late-1", CommandTypes.Repoll, "sw-core-1", TimeSpan.FromSeconds(-5)));

        var final = await WaitAsync(fleet, "cmd-probe-1", CommandState.IsFinal);
        Assert.Contains(fleet.Results, r => r.Id == "cmd-probe-1" && r.State == CommandState.Delivered);
        Assert.True(final.State == CommandState.Succeeded, final.Reason);
        Assert.True(double.Parse(final.Output!["probe-county.down_bps"], System.Globalization.CultureInfo.InvariantCulture) > 1e6);
        var expired = await WaitAsync(fleet, "cmd-late-1", CommandState.IsFinal);
        Assert.Equal(CommandState.Expired, expired.State);
    }

    private static CommandMessage Command(string id, string type, string? device, TimeSpan expiresIn) => new()
    {
        Id = id, Type = type, Device = device, IssuedBy = "tech-test", IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow + expiresIn,
    };

    private static async Task<CommandResult> WaitAsync(FleetStandIn fleet, string id, Func<string, bool> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (fleet.Results.FirstOrDefault(r => r.Id == id && state(r.State)) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no final result for {id}: {string.Join(", ", fleet.Results.Select(r => $"{r.Id}:{r.State}:{r.Reason}"))}");
            await Task.Delay(50);
        }
    }
}
