namespace ClassroomFleet.Agent.School;

/// <summary>How to reach a device over SNMP. <see cref="Credential"/> names an entry of the agent's credential store.</summary>
public sealed class SnmpEntry
{
    public string Version { get; set; } = "v2c";

    public string Credential { get; set; } = "";

    /// <summary>SNMPv3 contextName (RFC 3411 §3.3.1); empty for the default context.</summary>
    public string Context { get; set; } = "";
}
