namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A validated rule pack as loaded from one file, before layering.</summary>
public sealed record RulePack
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Issuer { get; init; }

    public required string DocumentNumber { get; init; }

    public DateOnly? DocumentDate { get; init; }

    public string? SourceFile { get; init; }

    public string? SourceSha256 { get; init; }

    public string? SourceUrl { get; init; }

    /// <summary>GB/T 2260 code; a county is under it when its code starts with the code's significant digits.</summary>
    public required string AdminCode { get; init; }

    public IReadOnlyList<string> Extends { get; init; } = [];

    public required PackStatus Status { get; init; }

    public required string FileName { get; init; }

    /// <summary>SHA-256 of the pack file, stored with every result.</summary>
    public required string Hash { get; init; }

    public required TimeSpan RegistryMaxAge { get; init; }

    public IReadOnlyList<Rule> Rules { get; init; } = [];

    public IReadOnlyList<PendingOverride> Overrides { get; init; } = [];

    public IReadOnlyList<DisabledRule> Disabled { get; init; } = [];

    public IReadOnlyList<Exemption> Exemptions { get; init; } = [];

    /// <summary>True when this pack applies to the county: 410000 covers 41xxxx, 410300 covers 4103xx, 000000 covers all.</summary>
    public bool Covers(string county)
    {
        var significant = AdminCode.TrimEnd('0');
        if (significant.Length % 2 == 1)
        {
            significant += "0";
        }

        return county.StartsWith(significant, StringComparison.Ordinal);
    }
}
