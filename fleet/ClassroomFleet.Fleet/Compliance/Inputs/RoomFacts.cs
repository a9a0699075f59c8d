namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A room or space of a site. <paramref name="InUse"/> false excludes it (renovation, closed) with <paramref name="ExclusionReason"/>.</summary>
public sealed record RoomFacts(string Id, string Type, bool InUse = true, string? ExclusionReason = null, int WiredPorts = 0);
