using System.Text.Json;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Influx.Writing;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Keeps every point the fleet refused for good, with the reason, as JSON lines in
/// <c>{Fleet:DataDirectory}/quarantine/quarantine-YYYYMMDD.jsonl</c>, so that an operator can see, fix and replay it.
/// Used both for points our validation refuses and for lines InfluxDB rejects (4xx).
/// </summary>
public sealed partial class QuarantineLog(IOptions<FleetOptions> options, IngestMetrics metrics, TimeProvider time, ILogger<QuarantineLog> logger)
    : IQuarantineSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask QuarantineAsync(QuarantinedLine line, CancellationToken cancellationToken)
    {
        var batch = line.Token as IngestedBatch;
        await AppendAsync(new QuarantineEntry(time.GetUtcNow(), line.Reason, line.StatusCode, batch?.County, batch?.School, batch?.Device, batch?.Sequence, line.LineText), cancellationToken).ConfigureAwait(false);
        LogLineQuarantined(logger, batch?.School, batch?.Device, line.StatusCode, line.Reason);
    }

    /// <summary>A point refused before it reached InfluxDB: kept as its JSON.</summary>
    public Task QuarantinePointAsync(IngestedBatch batch, string pointJson, string reason, CancellationToken cancellationToken) =>
        AppendAsync(new QuarantineEntry(time.GetUtcNow(), reason, null, batch.County, batch.School, batch.Device, batch.Sequence, pointJson), cancellationToken);

    private async Task AppendAsync(QuarantineEntry entry, CancellationToken cancellationToken)
    {
        metrics.Quarantined(1);
        var folder = Path.Combine(options.Value.DataDirectory, "quarantine");
        var path = Path.Combine(folder, $"quarantine-{entry.Time:yyyyMMdd}.jsonl");
        var json = JsonSerializer.Serialize(entry, FleetJsonContext.Default.QuarantineEntry) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(folder);
            await File.AppendAllTextAsync(path, json, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            LogQuarantineWriteFailed(logger, path, ex.Message, json);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "InfluxDB refused a line of {School}/{Device} (HTTP {Status}): {Reason}; quarantined")]
    private static partial void LogLineQuarantined(ILogger logger, string? school, string? device, int? status, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Could not write the quarantine file {Path}: {Error}; the entry follows: {Entry}")]
    private static partial void LogQuarantineWriteFailed(ILogger logger, string path, string error, string entry);
}

/// <summary>One line of the quarantine file.</summary>
public sealed record QuarantineEntry(
    DateTimeOffset Time, string Reason, int? Status, string? County, string? School, string? Device, long? Sequence, string Data);
