namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Why a result is UNKNOWN or NOT_APPLICABLE: a stable <see cref="Code"/>, its machine form with numbers
/// (<see cref="Text"/>, for example <c>INSUFFICIENT_SAMPLES(7/10)</c> or <c>REGISTRY_STALE(class,512d)</c>, written to
/// InfluxDB, CSV and JSON) and the arguments the report renders in Chinese or English.
/// </summary>
public sealed record Reason(string Code, string Text)
{
    public IReadOnlyList<object> Args { get; init; } = [];

    /// <summary>Set when the reason was found at another site than the one judged (a teaching point on a shared line).</summary>
    public string? Site { get; init; }

    public static Reason Of(string code) => new(code, code);

    public static Reason NoProbeData() => Of("NO_PROBE_DATA");

    public static Reason InsufficientSamples(int have, int need) =>
        new("INSUFFICIENT_SAMPLES", $"INSUFFICIENT_SAMPLES({have}/{need})") { Args = [have, need] };

    public static Reason InsufficientDays(int have, int need) =>
        new("INSUFFICIENT_DAYS", $"INSUFFICIENT_DAYS({have}/{need})") { Args = [have, need] };

    /// <param name="what">class, teacher, student or class_list.</param>
    public static Reason RegistryStale(string what, int days, DateOnly asOf, int maxDays) =>
        new("REGISTRY_STALE", $"REGISTRY_STALE({what},{days}d)") { Args = [Phrase.Term("count", what), days, asOf, maxDays] };

    /// <summary>A register count dated after the audit instant: it was not known then, so it cannot be used.</summary>
    public static Reason RegistryFutureDated(string what, DateOnly asOf) =>
        new("REGISTRY_FUTURE_DATED", $"REGISTRY_FUTURE_DATED({what},{asOf:yyyy-MM-dd})") { Args = [Phrase.Term("count", what), asOf] };

    public static Reason Missing(string what) =>
        new($"NO_{what.ToUpperInvariant()}_COUNT", $"NO_{what.ToUpperInvariant()}_COUNT") { Args = [Phrase.Term("count", what)] };

    public static Reason AgentOffline() => Of("AGENT_OFFLINE");

    public static Reason NoContract() => Of("NO_CONTRACT");

    public static Reason ContractFutureDated(DateOnly asOf) =>
        new("CONTRACT_FUTURE_DATED", $"CONTRACT_FUTURE_DATED({asOf:yyyy-MM-dd})") { Args = [asOf] };

    public static Reason ProbeCeiling(double measured, double linkSpeed) =>
        new("PROBE_CEILING", FormattableString.Invariant($"PROBE_CEILING({measured:0.#}/{linkSpeed:0.#} Mbit/s)")) { Args = [Math.Round(measured, 1), Math.Round(linkSpeed, 1)] };

    public static Reason CalendarNotCovered() => Of("CALENDAR_NOT_COVERED");

    /// <summary>Telemetry was not read at all (fleetctl without InfluxDB): the rule needs it, so it cannot be judged.</summary>
    public static Reason NoTelemetry() => Of("NO_TELEMETRY");

    public static Reason OutOfScope() => Of("OUT_OF_SCOPE");

    /// <summary>The registry does not know a field the rule's scope tests (城乡分类代码, 学段…): in or out cannot be decided.</summary>
    public static Reason ScopeFieldMissing(string field) =>
        new("SCOPE_FIELD_MISSING", $"SCOPE_FIELD_MISSING({field})") { Args = [Phrase.Term("field", field)] };

    public static Reason SharedUplink(string? parent) =>
        new("SHARED_UPLINK", $"SHARED_UPLINK({parent})") { Args = [parent ?? ""] };

    public static Reason SmallTeachingPoint(int students, int minimum) =>
        new("SMALL_TEACHING_POINT", $"SMALL_TEACHING_POINT({students}<{minimum})") { Args = [students, minimum] };

    public static Reason NoRoomInventory() => Of("NO_ROOM_INVENTORY");

    public static Reason NoRoomsInScope() => Of("NO_ROOMS_IN_SCOPE");

    public static Reason AllRoomsExcluded(int count) => new("ALL_ROOMS_EXCLUDED", $"ALL_ROOMS_EXCLUDED({count})") { Args = [count] };

    public static Reason ChildRuleNotEvaluated(string child) =>
        new("CHILD_RULE_NOT_EVALUATED", $"CHILD_RULE_NOT_EVALUATED({child})") { Args = [child] };

    public static Reason BoundsStraddle(ExactRatio lower, ExactRatio upper) =>
        new("BOUNDS_STRADDLE_THRESHOLD", $"BOUNDS({lower.Display(1)}%..{upper.Display(1)}%)") { Args = [lower.Display(1), upper.Display(1)] };

    /// <summary>The same reason found at another site (a teaching point sharing the line), named after the text.</summary>
    public Reason At(string site) => this with { Text = $"{Text}@{site}", Site = site };

    public override string ToString() => Text;
}
