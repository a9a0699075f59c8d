namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A waiver for one site and rule. Reported as EXEMPT until it expires, never as PASS.</summary>
public sealed record Exemption(string RuleId, string Site, string Reason, string ApprovedBy, DateOnly Expires, string PackId);
