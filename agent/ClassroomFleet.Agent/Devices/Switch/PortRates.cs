namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>A port's rates over the last interval, and its previous reading when that interval is to be trusted.</summary>
internal sealed record PortRates(RateResult In, RateResult Out, PortReading? Previous)
{
    /// <summary>Why the interval was discarded (the inbound reason first), or null; a first sample is no discard.</summary>
    public string? DiscardReason =>
        (In.DiscardReason ?? Out.DiscardReason) is { } reason && reason != CounterRate.FirstSample ? reason : null;

    /// <summary>How much a cumulative counter grew over a trusted interval; null across a discard or where unknown.</summary>
    public long? Delta(Func<PortReading, ulong?> counter, PortReading current) =>
        In.BitsPerSecond is not null && Out.BitsPerSecond is not null && Previous is { } previous
            && counter(previous) is { } before && counter(current) is { } after && after >= before
            ? (long)(after - before)
            : null;
}
