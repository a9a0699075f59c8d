namespace ClassroomFleet.Agent.Cabinet;

/// <summary>A debounced change of an input: it now reads <paramref name="Active"/> (door open, mains present, on battery).</summary>
public sealed record InputChange(string Input, PinRole Role, bool Active, DateTimeOffset At);
