using System.Security.Cryptography;

namespace ClassroomFleet.Messaging;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits a random time in [d/2, d] where d = min(max, min·2ⁿ⁻¹).
/// The random half spreads the reconnects of a whole county after a broker restart.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;

    public ReconnectBackoff(TimeSpan min, TimeSpan max)
    {
        _min = min;
        _max = max;
    }

    /// <summary>The ceiling before jitter for the given 1-based attempt.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(_max.Ticks, _min.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)ticks);
    }

    public TimeSpan Delay(int attempt)
    {
        var ceiling = Ceiling(attempt).Ticks;
        var half = ceiling / 2;
        var jitterMs = (int)Math.Min(int.MaxValue - 1, TimeSpan.FromTicks(ceiling - half).TotalMilliseconds);
        return TimeSpan.FromTicks(half) + TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(jitterMs + 1));
    }
}
