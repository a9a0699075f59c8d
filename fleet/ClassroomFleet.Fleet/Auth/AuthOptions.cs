namespace ClassroomFleet.Fleet.Auth;

/// <summary>
/// API authentication (section <c>Auth</c>). Tokens are sent as <c>Authorization: Bearer &lt;token&gt;</c>; the web view
/// keeps the same token in an HttpOnly cookie after its login form.
/// <code>
/// "Auth": { "Tokens": [ { "Name": "bureau-admin", "Sha256": "9f86d0…", "Role": "Admin" },
///                       { "Name": "auditor-410323", "Sha256": "…", "Role": "Auditor", "County": "410323" } ] }
/// </code>
/// Further tokens are created by an admin through <c>POST /api/v1/tokens</c> and kept (hashed) in the registry.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public IList<ConfiguredToken> Tokens { get; } = [];

    /// <summary>How long the web view's login cookie lasts.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);
}
