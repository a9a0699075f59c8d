namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>An inherited rule a county pack does not apply, with its reason and source; listed in the audit report.</summary>
public sealed record DisabledRule(string RuleId, string PackId, string Reason, RuleSource Source);
