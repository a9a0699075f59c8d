namespace ClassroomFleet.Agent.Outbox;

/// <summary>What the sink hands to the outbox: one poll of one device, its points already encoded as a JSON array.</summary>
public sealed record OutboxAppend(string Device, string Kind, long CreatedUnixMs, ReadOnlyMemory<byte> Points);
