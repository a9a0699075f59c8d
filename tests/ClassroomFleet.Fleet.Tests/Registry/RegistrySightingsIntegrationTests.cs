using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Tests.Ingest;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>Telemetry the ingest stores moves its device's and agent's last seen in the registry.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class RegistrySightingsIntegrationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Ingested_Telemetry_Records_The_Device_And_Its_Agent_As_Seen()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        var database = "cf_sightings_" + Guid.NewGuid().ToString("N")[..12];
        // A private broker: another test's fleet on the shared broker would ingest this stream and record it in its own registry.
        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        await using var agent = new FakeAgent(broker.Host, broker.Port);
        await using var fleet = await FleetTestHost.StartAsync(broker.Host, broker.Port, ServiceEndpoints.Influx, database, "fleet-seen-" + agent.School, "seen" + agent.School,
            new Dictionary<string, string?> { ["Registry:SeenFlushInterval"] = "00:00:00.200" }, ct);
        await fleet.Subscribed.WaitAsync(ct);
        await agent.StartAsync(ct);
        var queries = fleet.Services.GetRequiredService<RegistryQueries>();
        Assert.Null(await queries.GetDeviceAsync(agent.School, "sw-core-1", ct));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await agent.PublishAsync(FakeAgent.Batch(agent.School, 1, FakeAgent.Point(1)), ct);

        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = database });
        Assert.Equal(1, await FakeAgent.WaitForCountAsync(influx, agent.School, 1, Patience, ct));
        DeviceRecord? device;
        while ((device = await queries.GetDeviceAsync(agent.School, "sw-core-1", ct))?.LastSeen is null)
        {
            await Task.Delay(100, ct);
        }

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.InRange(device.LastSeen!.Value, before, after);
        Assert.Equal("switch", device.Kind);
        Assert.Equal("test-agent", device.LastAgent);
        Assert.False(device.InInventory);
        var seenAgent = Assert.Single(await queries.ListAgentsOfSchoolAsync(agent.School, ct));
        Assert.Equal("test-agent", seenAgent.Id);
        Assert.InRange(seenAgent.LastSeen, before, after);
        var school = Assert.Single(await queries.ListSchoolsAsync(FakeAgent.County, ct), s => s.Code == agent.School);
        Assert.InRange(school.LastSeen, before, after);
    }
}
