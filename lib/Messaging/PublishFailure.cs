namespace ClassroomFleet.Messaging;

/// <summary>Why a publish was not accepted. The MQTT 5.0 PUBACK/PUBREC reason code (§3.4.2.1) is kept beside it.</summary>
public enum PublishFailure
{
    None,

    /// <summary>Reason 135: the broker's ACL denies the topic to this client.</summary>
    NotAuthorized,

    /// <summary>Reason 151: a broker quota (queue, rate) was exceeded.</summary>
    QuotaExceeded,

    /// <summary>Reason 153: the payload does not match its format indicator.</summary>
    PayloadInvalid,

    /// <summary>Reason 144, or a topic our own validation rejects (wildcards, empty, too long) before sending.</summary>
    TopicInvalid,

    /// <summary>
    /// The packet would exceed the broker's or our own maximum packet size (nothing was sent), or the broker refused it
    /// with reason 149 (mosquitto's <c>message_size_limit</c>, the embedded broker's <c>MessageSizeLimit</c>).
    /// </summary>
    PacketTooLarge,

    /// <summary>Reason 145.</summary>
    PacketIdentifierInUse,

    /// <summary>The transport was stopped or disposed before the broker acknowledged.</summary>
    NotConnected,

    /// <summary>Any other failure reason code (128 unspecified, 131 implementation specific...).</summary>
    Other,
}
