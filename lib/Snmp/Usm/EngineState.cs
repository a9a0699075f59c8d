using System.Diagnostics;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// What we know of one authoritative engine: its ID, and its boots/time as last learned, advanced by the local clock
/// (RFC 3414 §2.3: the non-authoritative side keeps a notion of the authoritative engine's time).
/// </summary>
internal sealed class EngineState
{
    /// <summary>RFC 3414 §2.2.3: a message more than 150 seconds older than our notion of the engine's time is outside the window.</summary>
    public const int TimeWindowSeconds = 150;

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

    /// <summary>
    /// RFC 3414 §3.2 step 7b for an authenticated message from this engine: first adopt newer boots/time (7b.1), then
    /// say whether the message is outside the time window (7b.2): our notion of boots is 2^31-1 (the engine must be
    /// reconfigured), the message's boots are older, or its time is more than 150 s behind our notion. Such a message
    /// may be a replay and must be discarded.
    /// </summary>
    public bool AcceptIntoTimeWindow(int boots, int time)
    {
        lock (_lock)
        {
            if (boots > _boots || (boots == _boots && time > _latestReceivedTime))
            {
                SetLocked(boots, time);
            }

            var now = _time + (long)Stopwatch.GetElapsedTime(_learnedAt).TotalSeconds;
            return _boots != int.MaxValue && boots >= _boots && (boots != _boots || time >= now - TimeWindowSeconds);
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
