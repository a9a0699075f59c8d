namespace ClassroomFleet.Agent.Outbox;

/// <summary>What <see cref="SegmentCodec.TryReadRecord"/> found.</summary>
internal enum RecordStatus
{
    Complete,
    Incomplete,
    Damaged,
}
