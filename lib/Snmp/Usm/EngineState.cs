using System.Diagnostics;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// What we know of one authoritative engine: its ID, and its boots/time as last learned, advanced by the local clock
/// (RFC 3414 §2.3: the non-authoritative side keeps a notion of the authoritative engine's time).
/// </summary>
internal sealed class EngineState
{
    private readonly Lock _lock = new();
    private int _boots;
    private int _time;
    private int _latestReceivedTime;
    private long _learnedAt;

    public EngineState(byte[] engineId, int boots, int time)
    {
        EngineId = engineId;
        Set(boots, time);
    }

    public byte[] EngineId { get; }

    /// <summary>Boots and the time advanced by the seconds elapsed locally since it was learned.</summary>
    public (int Boots, int Time) Now()
    {
        lock (_lock)
        {
            var elapsed = (long)Stopwatch.GetElapsedTime(_learnedAt).TotalSeconds;
            return (_boots, (int)Math.Min(int.MaxValue, _time + elapsed));
        }
    }

    /// <summary>RFC 3414 §3.2 step 7b: adopt the received values if boots grew, or the time grew within the same boots.</summary>
    public void Observe(int boots, int time)
    {
        lock (_lock)
        {
            if (boots > _boots || (boots == _boots && time > _latestReceivedTime))
            {
                SetLocked(boots, time);
            }
        }
    }

    /// <summary>Unconditional resynchronisation, after an authenticated usmStatsNotInTimeWindows report.</summary>
    public void Set(int boots, int time)
    {
        lock (_lock)
        {
            SetLocked(boots, time);
        }
    }

    private void SetLocked(int boots, int time)
    {
        _boots = boots;
        _time = time;
        _latestReceivedTime = time;
        _learnedAt = Stopwatch.GetTimestamp();
    }
}
