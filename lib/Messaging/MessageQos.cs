namespace ClassroomFleet.Messaging;

/// <summary>MQTT quality of service (MQTT 5.0 §4.3). The numeric values are the wire values.</summary>
public enum MessageQos
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
