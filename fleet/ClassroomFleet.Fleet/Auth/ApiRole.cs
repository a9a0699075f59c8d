namespace ClassroomFleet.Fleet.Auth;

/// <summary>What a token may do. Every role reads within its county scope; only some may change things.</summary>
public enum ApiRole
{
    /// <summary>Reads everything in scope, manages tokens, and (later) pushes configurations.</summary>
    Admin,

    /// <summary>Reads in scope; will push configurations and run commands (a later issue: policy <see cref="FleetPolicies.PushConfig"/>).</summary>
    Technician,

    /// <summary>Reads in scope, nothing else.</summary>
    Auditor,
}
