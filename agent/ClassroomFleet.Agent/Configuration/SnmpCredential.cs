namespace ClassroomFleet.Agent.Configuration;

/// <summary>An SNMP credential: a community for v1/v2c, or a USM user with its keys for v3.</summary>
public sealed class SnmpCredential
{
    public string? Community { get; set; }

    public string? User { get; set; }

    public string? AuthProtocol { get; set; }

    public string? AuthPassword { get; set; }

    public string? PrivProtocol { get; set; }

    public string? PrivPassword { get; set; }

    public override string ToString() => User is null ? "community credential" : $"USM user {User}";
}
