namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The interlock's answer to a power-cycle request: allowed (and recorded as started) or refused with the reason.</summary>
public readonly record struct InterlockDecision(bool Allowed, string? Reason)
{
    public static InterlockDecision Allow { get; } = new(true, null);

    public static InterlockDecision Refuse(string reason) => new(false, reason);
}
