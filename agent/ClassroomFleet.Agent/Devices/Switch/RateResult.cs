namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>A rate in bit/s, or the reason the interval was discarded (as a short code for telemetry).</summary>
public readonly record struct RateResult(double? BitsPerSecond, string? DiscardReason)
{
    public static RateResult Of(double bitsPerSecond) => new(bitsPerSecond, null);

    public static RateResult Discarded(string reason) => new(null, reason);
}
