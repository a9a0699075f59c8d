namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// A high-value alert with hysteresis: raised when a reading reaches <c>raiseAt</c>, cleared only when one falls to
/// <c>clearAt</c> or below. Between the two, the state holds. A missing reading holds the state too: a sensor that
/// drops out while hot does not clear its alert.
/// </summary>
public sealed class HysteresisAlert
{
    private readonly double _raiseAt;
    private readonly double _clearAt;

    public HysteresisAlert(double raiseAt, double clearAt)
    {
        if (!(clearAt < raiseAt))
        {
            throw new ArgumentOutOfRangeException(nameof(clearAt), clearAt, "the clear threshold must be below the raise threshold");
        }

        _raiseAt = raiseAt;
        _clearAt = clearAt;
    }

    public bool Active { get; private set; }

    /// <summary>Feeds one reading; returns true when the state changed.</summary>
    public bool Update(double? reading)
    {
        if (reading is not { } value || double.IsNaN(value))
        {
            return false;
        }

        var next = Active ? value > _clearAt : value >= _raiseAt;
        var changed = next != Active;
        Active = next;
        return changed;
    }
}
