namespace ClassroomFleet.Fleet.Auth;

/// <summary>
/// Authorization policy names. County scope is not a policy: a resource of another county is answered 404 by the
/// endpoint itself (see <see cref="CountyScope"/>), so a token cannot learn which schools exist elsewhere.
/// </summary>
public static class FleetPolicies
{
    /// <summary>Any valid token: admin, technician or auditor.</summary>
    public const string Read = "cf.read";

    /// <summary>Create, list and revoke API tokens: admin.</summary>
    public const string ManageTokens = "cf.tokens.manage";

    /// <summary>Push agent configurations and commands (a later issue): admin or technician.</summary>
    public const string PushConfig = "cf.config.push";
}
