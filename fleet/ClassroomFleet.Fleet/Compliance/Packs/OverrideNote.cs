namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// A county pack changed an inherited rule: which pack, why, on whose authority, whether the change is looser, and what
/// changed (the threshold and deadline before, the parameters named); <see cref="Change"/> is the English summary.
/// </summary>
public sealed record OverrideNote(string PackId, string Reason, RuleSource Source, bool Looser, string Change)
{
    public Comparison? OriginalCompare { get; init; }

    public DateOnly? OriginalEffectiveFrom { get; init; }

    public IReadOnlyList<string> ChangedParameters { get; init; } = [];
}
