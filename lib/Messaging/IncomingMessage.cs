namespace ClassroomFleet.Messaging;

/// <summary>
/// A received message. The payload is a private copy: a handler may keep it after it returns.
/// <see cref="SenderId"/> is the sender's client id or user name when the broker tells it (the embedded broker sets the
/// user property <c>cf-sender</c>); mosquitto does not, so it is usually null.
/// </summary>
public sealed record IncomingMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    bool Retain,
    string? ResponseTopic,
    ReadOnlyMemory<byte>? CorrelationData,
    string? SenderId)
{
    public MessageQos Qos { get; init; }

    public bool Duplicate { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> UserProperties { get; init; } = [];
}
