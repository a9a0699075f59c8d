namespace ClassroomFleet.Messaging;

/// <summary>The last will (MQTT 5.0 §3.1.2.5), published by the broker when the connection ends without DISCONNECT.</summary>
public sealed class MqttWillOptions
{
    /// <summary>Empty: no will.</summary>
    public string? Topic { get; set; }

    public string Payload { get; set; } = "";

    public bool Retain { get; set; }

    public MessageQos Qos { get; set; } = MessageQos.AtLeastOnce;
}
