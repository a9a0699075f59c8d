namespace ClassroomFleet.Agent.Configuration;

/// <summary>
/// The agent's own settings (section <c>Agent</c>):
/// <code>
/// "Agent": {
///   "SchoolFile": "/etc/classroomfleet/school.yaml",
///   "AgentId": "gw-4141032301",          // defaults to the host name
///   "DefaultInterval": "00:00:30",
///   "MaxConcurrentPolls": 8,
///   "DeviceBudget": "00:00:10"           // the most one device's poll may take, retries included
/// }
/// </code>
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    public string SchoolFile { get; set; } = "/etc/classroomfleet/school.yaml";

    public string AgentId { get; set; } = Environment.MachineName.ToLowerInvariant();

    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxConcurrentPolls { get; set; } = 8;

    public TimeSpan DeviceBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Random share of the interval added to or taken from each wait, so that devices do not poll in lockstep.</summary>
    public double Jitter { get; set; } = 0.1;
}
