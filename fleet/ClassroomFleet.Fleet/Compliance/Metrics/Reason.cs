namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Why a result is UNKNOWN or NOT_APPLICABLE: a stable <paramref name="Code"/> and its rendered form with numbers, for
/// example <c>INSUFFICIENT_SAMPLES(7/10)</c> or <c>REGISTRY_STALE(512d)</c>.
/// </summary>
public sealed record Reason(string Code, string Text)
{
    public static Reason Of(string code) => new(code, code);

    public static Reason NoProbeData() => Of("NO_PROBE_DATA");

    public static Reason InsufficientSamples(int have, int need) => new("INSUFFICIENT_SAMPLES", $"INSUFFICIENT_SAMPLES({have}/{need})");

    public static Reason InsufficientDays(int have, int need) => new("INSUFFICIENT_DAYS", $"INSUFFICIENT_DAYS({have}/{need})");

    public static Reason RegistryStale(string what, int days) => new("REGISTRY_STALE", $"REGISTRY_STALE({what},{days}d)");

    public static Reason Missing(string what) => new($"NO_{what.ToUpperInvariant()}_COUNT", $"NO_{what.ToUpperInvariant()}_COUNT");

    public static Reason AgentOffline() => Of("AGENT_OFFLINE");

    public static Reason NoContract() => Of("NO_CONTRACT");

    public static Reason ProbeCeiling(double measured, double linkSpeed) => new("PROBE_CEILING", FormattableString.Invariant($"PROBE_CEILING({measured:0.#}/{linkSpeed:0.#} Mbit/s)"));

    public static Reason CalendarNotCovered() => Of("CALENDAR_NOT_COVERED");

    public static Reason OutOfScope() => Of("OUT_OF_SCOPE");

    public override string ToString() => Text;
}
