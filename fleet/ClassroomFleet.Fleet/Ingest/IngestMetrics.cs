using System.Diagnostics.Metrics;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>Counters of the ingest path (meter <c>ClassroomFleet.Fleet.Ingest</c>), also readable in-process for tests and /metrics.</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "ClassroomFleet.Fleet.Ingest";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _batches;
    private readonly Counter<long> _points;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _acksDroppedCounter;
    private readonly long[] _rejectedBy = new long[Enum.GetValues<DecodeFailure>().Length];
    private long _batchesStored;
    private long _pointsStored;
    private long _batchesRejected;
    private long _pointsQuarantined;
    private long _acksDropped;

    public IngestMetrics()
    {
        _batches = _meter.CreateCounter<long>("cf_ingest_batches_stored");
        _points = _meter.CreateCounter<long>("cf_ingest_points_stored");
        _rejected = _meter.CreateCounter<long>("cf_ingest_messages_rejected");
        _quarantined = _meter.CreateCounter<long>("cf_ingest_points_quarantined");
        _acksDroppedCounter = _meter.CreateCounter<long>("cf_ingest_acks_dropped");
    }

    public long BatchesStored => Interlocked.Read(ref _batchesStored);

    public long PointsStored => Interlocked.Read(ref _pointsStored);

    public long BatchesRejected => Interlocked.Read(ref _batchesRejected);

    public long PointsQuarantined => Interlocked.Read(ref _pointsQuarantined);

    /// <summary>Stored batches whose acknowledgement was dropped because too many were waiting to be sent.</summary>
    public long AcksDropped => Interlocked.Read(ref _acksDropped);

    /// <summary>Messages rejected for <paramref name="failure"/> since start.</summary>
    public long RejectedFor(DecodeFailure failure) => Interlocked.Read(ref _rejectedBy[(int)failure]);

    public void Stored(int points)
    {
        Interlocked.Increment(ref _batchesStored);
        Interlocked.Add(ref _pointsStored, points);
        _batches.Add(1);
        _points.Add(points);
    }

    public void Rejected(DecodeFailure failure)
    {
        Interlocked.Increment(ref _batchesRejected);
        Interlocked.Increment(ref _rejectedBy[(int)failure]);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", failure.ToString()));
    }

    public void Quarantined(int points)
    {
        Interlocked.Add(ref _pointsQuarantined, points);
        _quarantined.Add(points);
    }

    public void AckDropped()
    {
        Interlocked.Increment(ref _acksDropped);
        _acksDroppedCounter.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
