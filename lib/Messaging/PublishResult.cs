namespace ClassroomFleet.Messaging;

/// <summary>
/// The outcome of one publish. <see cref="Accepted"/> is true only when the broker acknowledged it (PUBACK for QoS 1,
/// PUBCOMP for QoS 2) with a success code, or, for QoS 0, when it was written to the connection.
/// Reason 16 "no matching subscribers" counts as accepted (MQTT 5.0 §3.4.2.1: the message was accepted).
/// </summary>
public readonly record struct PublishResult(bool Accepted, PublishFailure Failure, int? ReasonCode, string? ReasonText)
{
    /// <summary>
    /// True for a QoS 1/2 publish acknowledged under MQTT 3.1.1: its PUBACK has no reason code (§3.4), and mosquitto
    /// acknowledges a publish its ACL denies exactly like an accepted one, so the broker's acceptance is unknown. Only
    /// the consumer's own acknowledgement (the fleet's <c>…/ack</c>) proves delivery then. Counted in
    /// <see cref="MqttTransportCounters.PublishedUnverified"/>.
    /// </summary>
    public bool Unverified { get; init; }

    public static PublishResult Success(int? reasonCode = 0) => new(true, PublishFailure.None, reasonCode, null);

    public static PublishResult Failed(PublishFailure failure, int? reasonCode, string? reasonText) =>
        new(false, failure, reasonCode, reasonText);
}
