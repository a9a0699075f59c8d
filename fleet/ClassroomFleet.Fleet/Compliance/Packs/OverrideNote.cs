namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A county pack changed an inherited rule: which pack, why, on whose authority, and whether the change is looser.</summary>
public sealed record OverrideNote(string PackId, string Reason, RuleSource Source, bool Looser, string Change);
