namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// One input of a verdict: what it is (<see cref="Label"/>), its value, where it came from and how current it was. The
/// label's key (for example <c>input.classes</c>) is stable; the report renders label, value and source in its language.
/// </summary>
public sealed record EvidenceInput(Phrase Label, Phrase Value, Phrase Source, DateOnly? AsOf = null)
{
    public string Key => Label.Key;

    public override string ToString() => AsOf is { } asOf ? $"{Label}={Value} [{Source}, {asOf:yyyy-MM-dd}]" : $"{Label}={Value} [{Source}]";
}
