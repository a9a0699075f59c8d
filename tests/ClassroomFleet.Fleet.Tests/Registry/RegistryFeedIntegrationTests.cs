using System.Text;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>The registry fed by retained inventory and status messages through the real mosquitto.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class RegistryFeedIntegrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Retained_Inventory_And_Status_Published_Before_The_Fleet_Started_Reach_The_Registry()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        await using var publisher = await TestPublisher.StartAsync(cts.Token);
        await publisher.PublishInventoryAsync(county, school, RegistryTestData.Inventory(county, school), cts.Token);
        await publisher.PublishStatusAsync(county, school, RegistryTestData.Status(school, online: true, outboxDepth: 12), cts.Token);

        await using var fleet = await RegistryFleetHost.StartAsync(cancellationToken: cts.Token);
        var queries = fleet.Services.GetRequiredService<RegistryQueries>();

        var record = await WaitForAsync(() => queries.GetSchoolAsync(school, cts.Token), s => s?.Name is not null, cts.Token);
        Assert.Equal("rural", record!.Category);
        Assert.Equal(2, record.Rooms.Count);
        var agent = await WaitForAsync(async () => (await queries.ListAgentsOfSchoolAsync(school, cts.Token)).SingleOrDefault(), a => a is not null, cts.Token);
        Assert.True(agent!.Online);
        Assert.Equal(12, agent.OutboxDepth);

        // The agent's last will arrives: the registry shows it offline.
        await publisher.PublishStatusAsync(county, school, RegistryTestData.Status(school, online: false, outboxDepth: null), cts.Token);
        agent = await WaitForAsync(async () => (await queries.ListAgentsOfSchoolAsync(school, cts.Token)).Single(), a => a.Online == false, cts.Token);
        Assert.False(agent.Online);
    }

    [Fact]
    public async Task Spoofed_And_Malformed_Messages_Are_Rejected_Counted_And_Never_Stored_While_Good_Ones_Still_Land()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var fleet = await RegistryFleetHost.StartAsync(cancellationToken: cts.Token);
        await fleet.Services.GetRequiredService<RegistryFeedService>().Subscribed.WaitAsync(cts.Token);
        var metrics = fleet.Services.GetRequiredService<RegistryMetrics>();
        var queries = fleet.Services.GetRequiredService<RegistryQueries>();
        await using var publisher = await TestPublisher.StartAsync(cts.Token);
        var county = RegistryTestData.NewCounty();
        var victim = RegistryTestData.NewSchool(county);
        var attacker = RegistryTestData.NewSchool(county);
        var broken = RegistryTestData.NewSchool(county);
        var good = RegistryTestData.NewSchool(county);
        var spoofedBefore = metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.Spoofed);
        var malformedBefore = metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.MalformedJson);
        var schemaBefore = metrics.Rejected(RegistryFeedService.StatusKind, DecodeFailure.UnknownSchema);
        var invalidBefore = metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.Invalid);

        // On the attacker's topic, a payload naming the victim school.
        await publisher.PublishInventoryAsync(county, attacker, RegistryTestData.Inventory(county, victim), cts.Token);
        await publisher.PublishRawAsync(Topics.Inventory(county, broken), Encoding.UTF8.GetBytes("{\"schema\":1,\"county\":"), cts.Token);
        await publisher.PublishRawAsync(Topics.Status(county, broken), Encoding.UTF8.GetBytes("{\"schema\":9,\"agent\":\"gw\",\"online\":true}"), cts.Token);
        await publisher.PublishInventoryAsync(county, broken, RegistryTestData.Inventory(county, broken) with { Category = "castle" }, cts.Token);
        await publisher.PublishInventoryAsync(county, good, RegistryTestData.Inventory(county, good), cts.Token);

        // Messages of one publisher arrive in order, so once the good one is stored the bad ones have been handled.
        await WaitForAsync(() => queries.GetSchoolAsync(good, cts.Token), s => s is not null, cts.Token);
        Assert.Equal(spoofedBefore + 1, metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.Spoofed));
        Assert.Equal(malformedBefore + 1, metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.MalformedJson));
        Assert.Equal(schemaBefore + 1, metrics.Rejected(RegistryFeedService.StatusKind, DecodeFailure.UnknownSchema));
        Assert.Equal(invalidBefore + 1, metrics.Rejected(RegistryFeedService.InventoryKind, DecodeFailure.Invalid));
        Assert.Null(await queries.GetSchoolAsync(victim, cts.Token));
        Assert.Null(await queries.GetSchoolAsync(attacker, cts.Token));
        Assert.Null(await queries.GetSchoolAsync(broken, cts.Token));
        Assert.Equal([good], (await queries.ListSchoolsAsync(county, cts.Token)).Select(s => s.Code));
    }

    [Fact]
    public async Task Telemetry_Sightings_From_The_Ingest_Path_Reach_The_Registry_Within_A_Flush()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var fleet = await RegistryFleetHost.StartAsync(cancellationToken: cts.Token);
        var writer = fleet.Services.GetRequiredService<IRegistryWriter>();
        var queries = fleet.Services.GetRequiredService<RegistryQueries>();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        var seen = DateTimeOffset.UtcNow;

        await writer.RecordTelemetrySeenAsync(county, school, "sw-core-1", "switch", "gw-" + school, seen, cts.Token);

        var device = await WaitForAsync(async () => (await queries.ListDevicesAsync(school, cts.Token)).SingleOrDefault(), d => d is not null, cts.Token);
        Assert.Equal(seen.ToUnixTimeMilliseconds(), device!.LastSeen!.Value.ToUnixTimeMilliseconds());
        Assert.False(device.InInventory);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
