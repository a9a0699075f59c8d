namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A pack file read and checked: the pack, or every error found (each naming file, rule and field).</summary>
public sealed record PackLoadResult(string FileName, RulePack? Pack, IReadOnlyList<string> Errors)
{
    public bool Accepted => Pack is not null && Errors.Count == 0;
}
