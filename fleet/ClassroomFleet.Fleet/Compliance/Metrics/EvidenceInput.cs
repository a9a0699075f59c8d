namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>One input of a verdict with its value, where it came from and how current it was.</summary>
public sealed record EvidenceInput(string Name, string Value, string Source, DateOnly? AsOf = null)
{
    public override string ToString() => AsOf is { } asOf ? $"{Name}={Value} [{Source}, {asOf:yyyy-MM-dd}]" : $"{Name}={Value} [{Source}]";
}
