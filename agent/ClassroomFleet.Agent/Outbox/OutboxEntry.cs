namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The in-memory index entry of one stored batch. The file outbox keeps only where the points lie on disk
/// (<see cref="Segment"/>, <see cref="BodyOffset"/>); the memory outbox keeps the points themselves.
/// </summary>
internal sealed class OutboxEntry(long sequence, string device, string kind, long createdUnixMs, int size)
{
    public long Sequence { get; } = sequence;

    public string Device { get; } = device;

    public string Kind { get; } = kind;

    public long CreatedUnixMs { get; } = createdUnixMs;

    /// <summary>Bytes this batch costs against the size bound.</summary>
    public int Size { get; } = size;

    /// <summary>When it was last taken by the publisher (TimeProvider timestamp); null while ready.</summary>
    public long? TakenAt { get; set; }

    public SegmentFile? Segment { get; init; }

    public long PointsOffset { get; init; }

    public int PointsLength { get; init; }

    public ReadOnlyMemory<byte> Points { get; init; }
}
