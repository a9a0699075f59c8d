namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Where the compliance engine finds its packs, calendars and (until the registry exists) county facts.</summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    public string PacksDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Compliance", "packs");

    public string CalendarsDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Compliance", "calendars");

    /// <summary>A county YAML file or a folder of them.</summary>
    public string CountyFactsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "Compliance", "demo");
}
