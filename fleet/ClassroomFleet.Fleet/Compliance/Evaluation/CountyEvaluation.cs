using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>All results of a county at one instant, the packs used and the per-rule aggregates.</summary>
public sealed record CountyEvaluation(CountyFacts County, DateTimeOffset At, IReadOnlyList<ResolvedPack> Packs, IReadOnlyList<RuleResult> Results, IReadOnlyList<RuleAggregate> Aggregates, string CalendarId)
{
    /// <summary>The calendar the windows came from (its titles and unverified entries are shown in the report).</summary>
    public SchoolCalendar? Calendar { get; init; }

    /// <summary>False for a facts-only audit: no telemetry was read, so telemetry rules are UNKNOWN (NO_TELEMETRY).</summary>
    public bool TelemetryRead { get; init; } = true;
}
