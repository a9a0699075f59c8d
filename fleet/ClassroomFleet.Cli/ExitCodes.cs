namespace ClassroomFleet.Cli;

/// <summary>fleetctl exit codes. 1 is System.CommandLine's for arguments it cannot parse (unknown option, bad value).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    public const int Usage = 1;

    /// <summary>The request names something unknown (county, pack) or a facts, pack or calendar file cannot be used.</summary>
    public const int BadRequest = 2;

    /// <summary>InfluxDB could not be queried.</summary>
    public const int TelemetryUnavailable = 3;

    /// <summary>The fleet refused the token (401), the role (403), or the target is not found in its scope (404).</summary>
    public const int Refused = 4;

    /// <summary>The school's configuration moved on since the edit began (409); the body names the current version.</summary>
    public const int Conflict = 5;

    /// <summary>The fleet could not be reached or answered with another error.</summary>
    public const int FleetUnavailable = 6;
}
