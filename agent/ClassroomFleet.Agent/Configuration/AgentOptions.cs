namespace ClassroomFleet.Agent.Configuration;

/// <summary>
/// The agent's own settings (section <c>Agent</c>):
/// <code>
/// "Agent": {
///   "SchoolFile": "/etc/classroomfleet/school.yaml",
///   "AgentId": "gw-4141032301",          // defaults to the host name
///   "FleetId": "classroomfleet",         // acknowledgements count only when they carry this fleet identity (Fleet:Id)
///   "DefaultInterval": "00:00:30",
///   "MaxConcurrentPolls": 8,
///   "DeviceBudget": "00:00:10",          // the most one device's poll may take, retries included
///   "StateDirectory": "/var/lib/classroomfleet",  // the outbox lives in {StateDirectory}/outbox
///   "HealthEndpoint": "127.0.0.1:9464",  // /healthz and /metrics; empty turns the endpoint off
///   "StatusInterval": "00:01:00",        // how often the retained status is refreshed
///   "SelfTelemetryInterval": "00:01:00", // how often the `agent` measurement (outbox depth, drops) is sent
///   "ShutdownTimeout": "00:00:15"        // the bound on a graceful stop (HostOptions.ShutdownTimeout)
/// }
/// </code>
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";
    public const string DefaultFleetId = "classroomfleet";

    public string SchoolFile { get; set; } = "/etc/classroomfleet/school.yaml";

    public string AgentId { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>The identity of the fleet whose acknowledgements may empty the outbox (the fleet's <c>Fleet:Id</c>).</summary>
    public string FleetId { get; set; } = DefaultFleetId;

    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxConcurrentPolls { get; set; } = 8;

    public TimeSpan DeviceBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Random share of the interval added to or taken from each wait, so that devices do not poll in lockstep.</summary>
    public double Jitter { get; set; } = 0.1;

    public string StateDirectory { get; set; } = "/var/lib/classroomfleet";

    public string HealthEndpoint { get; set; } = "127.0.0.1:9464";

    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan SelfTelemetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Optional: the version of the configuration in force, reported in the status message.</summary>
    public long? ConfigVersion { get; set; }
}
