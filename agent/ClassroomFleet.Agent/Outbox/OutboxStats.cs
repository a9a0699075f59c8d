namespace ClassroomFleet.Agent.Outbox;

/// <summary>A snapshot of the outbox: what waits for the fleet's acknowledgement, and the exact counters since start.</summary>
public sealed record OutboxStats(
    long Depth,
    long Bytes,
    double OldestAgeSeconds,
    long InFlight,
    long Appended,
    long Acknowledged,
    long QuarantinedSegments,
    IReadOnlyDictionary<DropReason, long> Dropped,
    bool Writable,
    string? LastError);
