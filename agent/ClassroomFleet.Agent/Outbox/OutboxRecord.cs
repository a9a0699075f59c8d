namespace ClassroomFleet.Agent.Outbox;

/// <summary>A stored batch handed to the publisher: its sequence number, device, kind, creation time and points JSON.</summary>
public sealed record OutboxRecord(long Sequence, string Device, string Kind, long CreatedUnixMs, ReadOnlyMemory<byte> Points);
