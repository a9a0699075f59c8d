namespace ClassroomFleet.Fleet.Auth;

/// <summary>Claim types of an authenticated API token.</summary>
public static class FleetClaims
{
    /// <summary>The county the token is limited to; absent for a token of every county.</summary>
    public const string County = "cf:county";

    /// <summary>The token's id (config name or database id), for audit.</summary>
    public const string TokenId = "cf:token";
}
