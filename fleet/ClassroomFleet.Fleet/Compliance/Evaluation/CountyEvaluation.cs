using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>All results of a county at one instant, the packs used and the per-rule aggregates.</summary>
public sealed record CountyEvaluation(CountyFacts County, DateTimeOffset At, IReadOnlyList<ResolvedPack> Packs, IReadOnlyList<RuleResult> Results, IReadOnlyList<RuleAggregate> Aggregates, string CalendarId);
