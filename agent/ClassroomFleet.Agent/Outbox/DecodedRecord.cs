namespace ClassroomFleet.Agent.Outbox;

/// <summary>A record read back: <see cref="PointsOffset"/> and <see cref="TotalLength"/> are relative to its first byte.</summary>
internal readonly record struct DecodedRecord(long Sequence, long CreatedUnixMs, string Device, string Kind, int PointsOffset, int PointsLength, int TotalLength);
