namespace ClassroomFleet.Bench.Snmp;

/// <summary>One timed run: how many OIDs came back, how long it took, and CPU spent by the client and by the agent.</summary>
internal sealed record Measurement(string Client, int Switches, long Oids, TimeSpan Wall, TimeSpan ClientCpu, TimeSpan AgentCpu)
{
    public double OidsPerSecond => Oids / Wall.TotalSeconds;
}
