namespace ClassroomFleet.Agent.Outbox;

/// <summary>A whole record found by recovery and the file offset of its first byte.</summary>
internal readonly record struct ScannedRecord(DecodedRecord Record, long Offset);
