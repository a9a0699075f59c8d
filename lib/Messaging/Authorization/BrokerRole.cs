namespace ClassroomFleet.Messaging.Authorization;

/// <summary>What a broker user may do. Fleet and admin may do everything; a school only its own topics.</summary>
public enum BrokerRole
{
    /// <summary>Neither a school user nor given a role: may connect, may publish and receive nothing.</summary>
    None,
    School,
    Fleet,
    Admin,
}
