namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>An override as written, applied to the inherited rule when the packs are layered.</summary>
public sealed record PendingOverride(string RuleId, Comparison? Compare, IReadOnlyDictionary<string, object>? Params, DateOnly? EffectiveFrom, string Reason, RuleSource Source);
