using System.Globalization;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>A stand-in agent: publishes telemetry batches of one school over real MQTT and counts what InfluxDB holds.</summary>
public sealed class FakeAgent : IAsyncDisposable
{
    public const string County = "410323";

    private readonly MqttTransport _transport;

    public FakeAgent(string host, int port, string? school = null, string? username = null, string? password = null)
    {
        School = school ?? NewSchool();
        _transport = new MqttTransport(
            new MqttTransportOptions
            {
                Host = host, Port = port, ClientId = "test-agent-" + School, CleanStart = true, Username = username, Password = password,
                // Larger than any agent sends, so that tests can publish oversized payloads for the fleet to refuse.
                MaximumPacketSize = 4 * 1024 * 1024,
            },
            NullLogger<MqttTransport>.Instance);
    }

    public string School { get; }

    public static string NewSchool() => "43" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public Task StartAsync(CancellationToken cancellationToken) => _transport.StartAsync(cancellationToken);

    public static TelemetryBatch Batch(string school, long sequence, params TelemetryPoint[] points) => new()
    {
        County = County,
        School = school,
        Device = "sw-core-1",
        Kind = "switch",
        Agent = "test-agent",
        Sequence = sequence,
        Points = points,
    };

    /// <summary>A point whose time is unique per sequence, so that N batches make N points.</summary>
    public static TelemetryPoint Point(long sequence, double inBps = 1.5) => new()
    {
        Measurement = "interface",
        TimestampNs = 1_763_800_000_000_000_000 + sequence * 1_000_000,
        Tags = new Dictionary<string, string> { ["if_name"] = "Gi1/0/49" },
        Floats = new Dictionary<string, double> { ["in_bps"] = inBps },
    };

    public async Task PublishAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        var payload = ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch);
        var result = await _transport.PublishAsync(new OutgoingMessage(Topics.Telemetry(County, batch.School, batch.Device), payload), cancellationToken);
        Assert.True(result.Accepted, $"broker refused batch {batch.Sequence}: {result.Failure}");
    }

    /// <summary>Publishes any bytes on any topic; returns what the broker said (an embedded broker may refuse).</summary>
    public ValueTask<PublishResult> PublishRawAsync(string topic, byte[] payload, CancellationToken cancellationToken) =>
        _transport.PublishAsync(new OutgoingMessage(topic, payload), cancellationToken);

    public static async Task<long> CountAsync(InfluxClient influx, string school, string measurement, string field, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync($"SELECT count({field}) FROM {measurement} WHERE school = '{school}'", cancellationToken);
        return result.Series is [var series, ..] && series.Values.Count > 0 ? series.GetInt64(0, "count") ?? 0 : 0;
    }

    /// <summary>Polls until <paramref name="expected"/> points are stored, or the time is up; returns the last count.</summary>
    public static async Task<long> WaitForCountAsync(InfluxClient influx, string school, long expected, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        long count = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                count = await CountAsync(influx, school, "interface", "in_bps", cancellationToken);
            }
            catch (InfluxQueryException)
            {
                // Not created yet, or InfluxDB is down: keep waiting.
            }
            catch (HttpRequestException)
            {
            }

            if (count >= expected)
            {
                return count;
            }

            await Task.Delay(200, cancellationToken);
        }

        return count;
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
