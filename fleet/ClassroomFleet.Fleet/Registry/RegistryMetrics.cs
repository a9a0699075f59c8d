using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Counters of the registry feed (meter <c>ClassroomFleet.Fleet.Registry</c>), also readable in-process for tests.</summary>
public sealed class RegistryMetrics : IDisposable
{
    public const string MeterName = "ClassroomFleet.Fleet.Registry";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _storeFailures;
    private readonly Counter<long> _seenDropped;
    private readonly Counter<long> _seenFlushed;
    private readonly ConcurrentDictionary<(string Kind, DecodeFailure Failure), long> _rejects = new();
    private long _acceptedCount;
    private long _storeFailureCount;
    private long _seenDroppedCount;
    private long _seenFlushedCount;

    public RegistryMetrics()
    {
        _accepted = _meter.CreateCounter<long>("cf_registry_messages_accepted");
        _rejected = _meter.CreateCounter<long>("cf_registry_messages_rejected");
        _storeFailures = _meter.CreateCounter<long>("cf_registry_store_failures");
        _seenDropped = _meter.CreateCounter<long>("cf_registry_sightings_dropped");
        _seenFlushed = _meter.CreateCounter<long>("cf_registry_sightings_flushed");
    }

    public long Accepted => Interlocked.Read(ref _acceptedCount);

    public long TotalRejected => _rejects.Values.Sum();

    public long StoreFailures => Interlocked.Read(ref _storeFailureCount);

    public long SightingsDropped => Interlocked.Read(ref _seenDroppedCount);

    public long SightingsFlushed => Interlocked.Read(ref _seenFlushedCount);

    /// <summary>Rejected messages of one kind (inventory, status) for one reason.</summary>
    public long Rejected(string kind, DecodeFailure failure) => _rejects.TryGetValue((kind, failure), out var count) ? count : 0;

    internal void Accept(string kind)
    {
        Interlocked.Increment(ref _acceptedCount);
        _accepted.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void Reject(string kind, DecodeFailure failure)
    {
        _rejects.AddOrUpdate((kind, failure), 1, static (_, count) => count + 1);
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", failure.ToString()));
    }

    internal void StoreFailed(string kind)
    {
        Interlocked.Increment(ref _storeFailureCount);
        _storeFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void SightingDropped()
    {
        Interlocked.Increment(ref _seenDroppedCount);
        _seenDropped.Add(1);
    }

    internal void SightingsWritten(int count)
    {
        Interlocked.Add(ref _seenFlushedCount, count);
        _seenFlushed.Add(count);
    }

    public void Dispose() => _meter.Dispose();
}
