namespace ClassroomFleet.Messaging;

/// <summary>
/// A message to publish. <see cref="ResponseTopic"/> and <see cref="CorrelationData"/> carry MQTT 5.0 request/response
/// (§4.10); under 3.1.1 they are not sent. <see cref="MessageExpiry"/> maps to the Message Expiry Interval (§3.3.2.3.3).
/// </summary>
public sealed record OutgoingMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MessageQos Qos = MessageQos.AtLeastOnce,
    bool Retain = false)
{
    public string? ResponseTopic { get; init; }

    public ReadOnlyMemory<byte>? CorrelationData { get; init; }

    public string? ContentType { get; init; }

    public TimeSpan? MessageExpiry { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>>? UserProperties { get; init; }
}
