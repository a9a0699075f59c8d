namespace ClassroomFleet.Agent.Tests.Devices.Uplink;

/// <summary>Tests that use the one shared <c>iperf3 -s</c> run one after another: it serves one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Iperf3ServerGroup
{
    public const string Name = "iperf3 server";
}
