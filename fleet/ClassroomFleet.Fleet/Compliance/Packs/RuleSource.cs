namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>Where a rule comes from: 文号, clause, line in the source file and the exact quote.</summary>
public sealed record RuleSource(string DocumentNumber, string? Clause, int? Line, string Quote, string? File, string? Url);
