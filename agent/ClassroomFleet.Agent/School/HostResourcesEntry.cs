namespace ClassroomFleet.Agent.School;

/// <summary>Optional SNMP HOST-RESOURCES-MIB reading (built-in PC of a panel, recorder disk). Read-only.</summary>
public sealed class HostResourcesEntry
{
    public int? Port { get; set; }

    public string Version { get; set; } = "v2c";

    public string Credential { get; set; } = "";
}
