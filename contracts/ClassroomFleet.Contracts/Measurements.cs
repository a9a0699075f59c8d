namespace ClassroomFleet.Contracts;

/// <summary>InfluxDB measurement names of contract v1: each named for what it holds.</summary>
public static class Measurements
{
    public const string Interface = "interface";
    public const string Device = "device";
    public const string Uplink = "uplink";
    public const string Inventory = "inventory";
    public const string Compliance = "compliance";
    public const string Cabinet = "cabinet";
    public const string Agent = "agent";

    /// <summary>Written by the fleet from each agent's retained status (birth, periodic, last will).</summary>
    public const string AgentStatus = "agent_status";
}

/// <summary>Tag keys of contract v1. <c>county</c>, <c>school</c>, <c>device</c> are on every point.</summary>
public static class TagKeys
{
    public const string County = "county";
    public const string School = "school";
    public const string Device = "device";
    public const string InterfaceName = "if_name";
    public const string Kind = "kind";
    public const string Room = "room";
}
