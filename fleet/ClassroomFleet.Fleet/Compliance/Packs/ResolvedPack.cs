namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// A pack with its <c>extends</c> chain layered in: inherited rules (with this chain's overrides applied, disabled rules
/// removed), its own rules, and the exemptions of the whole chain.
/// </summary>
public sealed record ResolvedPack(RulePack Pack, IReadOnlyList<Rule> Rules, IReadOnlyList<DisabledRule> Disabled, IReadOnlyList<Exemption> Exemptions, IReadOnlyList<RulePack> Chain);
