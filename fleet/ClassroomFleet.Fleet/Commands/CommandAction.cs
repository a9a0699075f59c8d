namespace ClassroomFleet.Fleet.Commands;

/// <summary>A row of <see cref="CommandPolicy.Table"/>: a command type, and whether it overrides the interlock.</summary>
public readonly record struct CommandAction(string Type, bool Forced = false);
