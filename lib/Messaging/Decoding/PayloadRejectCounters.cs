using System.Collections.Concurrent;

namespace ClassroomFleet.Messaging.Decoding;

/// <summary>Rejected payloads per topic kind and reason, shared by the decoders of one consumer.</summary>
public sealed class PayloadRejectCounters
{
    private readonly ConcurrentDictionary<(string Kind, PayloadRejectReason Reason), long> _counts = new();
    private long _accepted;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long this[string kind, PayloadRejectReason reason] => _counts.TryGetValue((kind, reason), out var count) ? count : 0;

    public long TotalRejected => _counts.Values.Sum();

    public IReadOnlyDictionary<(string Kind, PayloadRejectReason Reason), long> Snapshot() => new Dictionary<(string, PayloadRejectReason), long>(_counts);

    internal void Accept() => Interlocked.Increment(ref _accepted);

    internal void Reject(string kind, PayloadRejectReason reason) => _counts.AddOrUpdate((kind, reason), 1, static (_, count) => count + 1);
}
