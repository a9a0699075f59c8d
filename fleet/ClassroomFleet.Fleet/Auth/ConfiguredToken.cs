namespace ClassroomFleet.Fleet.Auth;

/// <summary>A token declared in configuration: its SHA-256 (hex), never the token itself.</summary>
public sealed class ConfiguredToken
{
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex SHA-256 of the token's UTF-8 text (<c>printf %s "$TOKEN" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    public ApiRole Role { get; set; } = ApiRole.Auditor;

    /// <summary>The one county the token may see (6-digit code); empty for every county.</summary>
    public string? County { get; set; }
}
