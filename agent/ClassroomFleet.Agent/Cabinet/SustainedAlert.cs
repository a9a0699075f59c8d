namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// Raised when a condition (door open, mains lost, UPS on battery) has held without a break for at least the hold
/// time; cleared as soon as it ends. A short dip or a door opened for a minute does not raise it.
/// </summary>
public sealed class SustainedAlert(TimeSpan hold)
{
    private DateTimeOffset? _since;

    public bool Active { get; private set; }

    /// <summary>Feeds the condition's state at <paramref name="now"/>; returns true when the alert state changed.</summary>
    public bool Update(bool holds, DateTimeOffset now)
    {
        if (!holds)
        {
            _since = null;
        }
        else
        {
            _since ??= now;
        }

        var next = _since is { } since && now - since >= hold;
        var changed = next != Active;
        Active = next;
        return changed;
    }
}
