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
}
