namespace ClassroomFleet.Simulators.RtspOnvif;

/// <summary>The emulated recorder, switchable at run time through stdin control lines.</summary>
public sealed class RecorderState
{
    public string StreamPath { get; init; } = "/live/main";

    public string? User { get; init; }

    public string? Password { get; init; }

    public string Serial { get; init; } = "RX200-0042";

    private volatile bool _streamLive = true;
    private volatile bool _garbageSdp;
    private volatile bool _garbageSoap;

    public bool StreamLive
    {
        get => _streamLive;
        set => _streamLive = value;
    }

    public bool GarbageSdp
    {
        get => _garbageSdp;
        set => _garbageSdp = value;
    }

    public bool GarbageSoap
    {
        get => _garbageSoap;
        set => _garbageSoap = value;
    }

    private long _clockOffsetSeconds;

    public long ClockOffsetSeconds
    {
        get => Interlocked.Read(ref _clockOffsetSeconds);
        set => Interlocked.Exchange(ref _clockOffsetSeconds, value);
    }

    public string Apply(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        var value = parts.Length == 2 ? parts[1] : "";
        switch (parts[0])
        {
            case "stream" when value is "on" or "off":
                StreamLive = value == "on";
                return "ok";
            case "sdp" when value is "ok" or "garbage":
                GarbageSdp = value == "garbage";
                return "ok";
            case "soap" when value is "ok" or "garbage":
                GarbageSoap = value == "garbage";
                return "ok";
            case "clock-offset" when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds):
                ClockOffsetSeconds = seconds;
                return "ok";
            default:
                return $"error: unknown control line '{line}'";
        }
    }
}
