namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Raised when a door has been open without a break for longer than the limit; cleared when it closes.</summary>
public sealed class DoorOpenAlert(TimeSpan limit)
{
    private DateTimeOffset? _openedAt;

    public bool Active { get; private set; }

    /// <summary>Feeds the door state at <paramref name="now"/>; returns true when the alert state changed.</summary>
    public bool Update(bool open, DateTimeOffset now)
    {
        if (!open)
        {
            _openedAt = null;
        }
        else
        {
            _openedAt ??= now;
        }

        var next = _openedAt is { } since && now - since >= limit;
        var changed = next != Active;
        Active = next;
        return changed;
    }
}
