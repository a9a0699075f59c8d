namespace ClassroomFleet.Messaging.Broker;

/// <summary>Why the embedded broker refused a CONNECT (counted per kind in <see cref="EmbeddedBrokerCounters"/>).</summary>
public enum ConnectionRefusal
{
    /// <summary>No user name while anonymous access is off: CONNACK 135 (3.1.1: 5), as mosquitto 2.0 answers.</summary>
    AnonymousNotAllowed,

    /// <summary>Unknown user or wrong password: CONNACK 135 (3.1.1: 5), as mosquitto 2.0 answers.</summary>
    BadCredentials,

    /// <summary>A school's client id does not contain its school code: CONNACK 133 (3.1.1: 2).</summary>
    ClientIdNotAllowed,

    /// <summary>The client id names a session another user owns (a takeover attempt): CONNACK 133 (3.1.1: 2).</summary>
    SessionOwnedByAnotherUser,
}
