using System.Globalization;
using System.Text;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Tests.Compliance;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>
/// Malformed, unknown-schema, oversized and spoofed telemetry sent through a real broker to a real fleet: each is
/// rejected, counted under its reason and logged, nothing of it reaches InfluxDB, and a good batch after them still lands.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class BadInputIntegrationTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _database = "cf_badinput_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Bad_Messages_Through_Mosquitto_Are_Rejected_Counted_And_Logged_And_A_Good_Batch_After_Them_Lands()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        // A private broker: another test's fleet on the shared broker would take (and count) these messages instead.
        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        await using var agent = new FakeAgent(broker.Host, broker.Port);
        await using var fleet = await FleetTestHost.StartAsync(broker.Host, broker.Port, ServiceEndpoints.Influx, _database, "fleet-bad-" + agent.School, "bad" + agent.School, cancellationToken: ct);
        await fleet.Subscribed.WaitAsync(ct);
        await agent.StartAsync(ct);
        var topic = Topics.Telemetry(FakeAgent.County, agent.School, "sw-core-1");
        var other = FakeAgent.NewSchool();

        await PublishAsync(agent, topic, "{\"schema\":1,\"county\":"u8.ToArray(), ct);
        await PublishAsync(agent, topic, UnknownSchema(FakeAgent.Batch(agent.School, 2, FakeAgent.Point(2))), ct);
        var oversized = FakeAgent.Batch(agent.School, 3, FakeAgent.Point(3) with { Strings = new Dictionary<string, string> { ["note"] = new string('x', 300_000) } });
        await PublishAsync(agent, topic, Serialize(oversized), ct);
        await PublishAsync(agent, topic, Serialize(FakeAgent.Batch(other, 4, FakeAgent.Point(4))), ct);

        // A broker that names the sender (the embedded one, through cf-sender) naming another school than the topic's.
        var ingest = fleet.Services.GetServices<IHostedService>().OfType<TelemetryIngestService>().Single();
        var good = Serialize(FakeAgent.Batch(agent.School, 5, FakeAgent.Point(5)));
        await ingest.HandleAsync(new IncomingMessage(topic, good, false, null, null, other), ct);

        await PublishAsync(agent, topic, Serialize(FakeAgent.Batch(agent.School, 6, FakeAgent.Point(6))), ct);

        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        Assert.Equal(1, await FakeAgent.WaitForCountAsync(influx, agent.School, 1, Patience, ct));
        var expected = new Dictionary<DecodeFailure, long>
        {
            [DecodeFailure.MalformedJson] = 1, [DecodeFailure.UnknownSchema] = 1, [DecodeFailure.TooLarge] = 1, [DecodeFailure.Spoofed] = 2,
        };
        // One publisher's messages are handled in order, so with the last (good) one stored every rejection has been counted.
        foreach (var line in fleet.Log.Lines)
        {
            output.WriteLine(line);
        }

        Assert.All(expected, e => Assert.Equal(e.Value, fleet.Metrics.RejectedFor(e.Key)));
        Assert.Equal(0, fleet.Metrics.RejectedFor(DecodeFailure.Invalid));
        foreach (var failure in expected.Keys)
        {
            Assert.Contains(fleet.Log.Lines, l => l.Contains($"Rejected message on {topic} ({failure})", StringComparison.Ordinal));
        }

        Assert.Contains(fleet.Log.Lines, l => l.Contains($"sender {other}", StringComparison.Ordinal));
        Assert.Equal(1, await CountAllAsync(influx, ct));
        // The point is visible in InfluxDB a moment before the writer has read InfluxDB's answer and counted the batch.
        await Eventually.HoldsAsync(() => fleet.Metrics.BatchesStored >= 1, Patience, ct);
        Assert.Equal(1, fleet.Metrics.BatchesStored);
    }

    [Fact]
    public async Task Through_The_Embedded_Broker_A_School_Writes_Only_Its_Own_Telemetry_And_Is_Named_As_The_Sender()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        await using var files = new MosquittoProcess(); // only for mosquitto_passwd and a folder; not started
        var school = FakeAgent.NewSchool();
        var other = FakeAgent.NewSchool();
        await files.AddUserAsync("fleet", "fleet-pw");
        var passwords = await files.AddUserAsync(school, "school-pw");
        var port = MosquittoProcess.FreeTcpPort();
        var inv = CultureInfo.InvariantCulture;
        await using var fleet = await FleetTestHost.StartAsync("127.0.0.1", port, ServiceEndpoints.Influx, _database, "fleet-embedded-" + school, "embedded" + school,
            new Dictionary<string, string?>
            {
                ["Mqtt:EmbeddedBroker:Enabled"] = "true",
                ["Mqtt:EmbeddedBroker:Port"] = port.ToString(inv),
                ["Mqtt:EmbeddedBroker:PasswordFile"] = passwords,
                ["Mqtt:EmbeddedBroker:Roles:fleet"] = "Fleet",
                ["Mqtt:Username"] = "fleet",
                ["Mqtt:Password"] = "fleet-pw",
            }, ct);
        await fleet.Subscribed.WaitAsync(ct);
        await using var agent = new FakeAgent("127.0.0.1", port, school, school, "school-pw");
        await agent.StartAsync(ct);

        // The broker itself refuses a school's publish on another school's topic (PUBACK 135), before the fleet sees it.
        var denied = await agent.PublishRawAsync(
            Topics.Telemetry(FakeAgent.County, other, "sw-core-1"), Serialize(FakeAgent.Batch(other, 1, FakeAgent.Point(1))), ct);
        Assert.False(denied.Accepted, "the embedded broker let a school publish another school's telemetry");

        // Its own telemetry arrives with the school named as sender (cf-sender), which the fleet's sender check accepts.
        await agent.PublishAsync(FakeAgent.Batch(school, 2, FakeAgent.Point(2)), ct);

        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        Assert.Equal(1, await FakeAgent.WaitForCountAsync(influx, school, 1, Patience, ct));
        Assert.Equal(0, await FakeAgent.CountAsync(influx, other, "interface", "in_bps", ct));
        Assert.Equal(0, fleet.Metrics.BatchesRejected);
        output.WriteLine(string.Join(Environment.NewLine, fleet.Log.Lines));
    }

    [Fact]
    public async Task A_School_Publishing_Under_Another_County_Gets_Past_The_Production_Acl_And_Is_Rejected_As_Spoofed_By_The_Fleet()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        await using var broker = new MosquittoProcess();
        var school = FakeAgent.NewSchool();
        var acl = broker.WriteFile("acl", await File.ReadAllTextAsync(Path.Combine(ComplianceTestData.RepositoryRoot, "provisioning", "mosquitto", "acl"), ct));
        await broker.AddUserAsync("fleet", "fleet-pw", ct);
        var passwd = await broker.AddUserAsync(school, "school-pw", ct);
        broker.ExtraConfig = $"allow_anonymous false\npassword_file {passwd}\nacl_file {acl}\n";
        await broker.StartAsync(ct);
        await using var fleet = await FleetTestHost.StartAsync(broker.Host, broker.Port, ServiceEndpoints.Influx, _database, "fleet", "county" + school,
            new Dictionary<string, string?> { ["Mqtt:Username"] = "fleet", ["Mqtt:Password"] = "fleet-pw" }, ct);
        await fleet.Subscribed.WaitAsync(ct);
        await using var agent = new FakeAgent(broker.Host, broker.Port, school, school, "school-pw");
        await agent.StartAsync(ct);
        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });

        // Unknown to the registry: accepted under the county it names, which it keeps from now on.
        await agent.PublishAsync(FakeAgent.Batch(school, 1, FakeAgent.Point(1)), ct);
        Assert.Equal(1, await FakeAgent.WaitForCountAsync(influx, school, 1, Patience, ct));
        Assert.Equal(FakeAgent.County, fleet.Services.GetRequiredService<RegisteredCounties>().CountyOf(school));

        // Topic and payload agree on county 999999, and the ACL (cf/v1/+/%u/telemetry/+) lets the school publish there.
        const string foreignCounty = "999999";
        var foreign = FakeAgent.Batch(school, 2, FakeAgent.Point(2)) with { County = foreignCounty };
        var foreignTopic = Topics.Telemetry(foreignCounty, school, "sw-core-1");
        await PublishAsync(agent, foreignTopic, Serialize(foreign), ct);
        await agent.PublishAsync(FakeAgent.Batch(school, 3, FakeAgent.Point(3)), ct);

        // One publisher's messages are handled in order: with batch 3 stored, batch 2 has been judged.
        Assert.Equal(2, await FakeAgent.WaitForCountAsync(influx, school, 2, Patience, ct));
        Assert.Equal(1, fleet.Metrics.RejectedFor(DecodeFailure.Spoofed));
        Assert.Contains(fleet.Log.Lines, l => l.Contains($"Rejected message on {foreignTopic} (Spoofed)", StringComparison.Ordinal)
            && l.Contains($"registered in county {FakeAgent.County}, not {foreignCounty}", StringComparison.Ordinal));
        var spoofed = await influx.QueryAsync($"SELECT count(in_bps) FROM interface WHERE county = '{foreignCounty}'", ct);
        Assert.Empty(spoofed.Series);
        Assert.Equal(2, await CountAllAsync(influx, ct));
    }

    private static async Task PublishAsync(FakeAgent agent, string topic, byte[] payload, CancellationToken ct)
    {
        var result = await agent.PublishRawAsync(topic, payload, ct);
        Assert.True(result.Accepted, $"mosquitto refused a publish of {payload.Length} bytes: {result.Failure}");
    }

    private static byte[] Serialize(Contracts.Messages.TelemetryBatch batch) => ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch);

    private static byte[] UnknownSchema(Contracts.Messages.TelemetryBatch batch)
    {
        var json = Encoding.UTF8.GetString(Serialize(batch));
        var current = $"\"schema\":{SchemaVersions.Current.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains(current, json, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(json.Replace(current, "\"schema\":99", StringComparison.Ordinal));
    }

    private static async Task<long> CountAllAsync(InfluxClient influx, CancellationToken ct)
    {
        var result = await influx.QueryAsync("SELECT count(in_bps) FROM interface", ct);
        return result.Series is [var series, ..] && series.Values.Count > 0 ? series.GetInt64(0, "count") ?? 0 : 0;
    }
}
