namespace ClassroomFleet.Messaging;

/// <summary>The broker refused a subscription (SUBACK reason code ≥ 128, MQTT 5.0 §3.9.3).</summary>
public sealed class MqttSubscribeException : Exception
{
    public MqttSubscribeException()
    {
    }

    public MqttSubscribeException(string message)
        : base(message)
    {
    }

    public MqttSubscribeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttSubscribeException(string topicFilter, int reasonCode, string reason)
        : base($"The broker refused the subscription to '{topicFilter}': {reason} ({reasonCode})")
    {
        TopicFilter = topicFilter;
        ReasonCode = reasonCode;
    }

    public string? TopicFilter { get; }

    public int? ReasonCode { get; }
}
