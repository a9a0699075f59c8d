using System.Buffers;
using System.Text;
using MQTTnet;

namespace ClassroomFleet.Messaging;

/// <summary>Copies an MQTTnet message into an <see cref="IncomingMessage"/> that outlives the receive callback.</summary>
internal static class IncomingMessageFactory
{
    public static IncomingMessage Create(MqttApplicationMessage message, string senderProperty)
    {
        string? sender = null;
        IReadOnlyList<KeyValuePair<string, string>> properties = [];
        if (message.UserProperties is { Count: > 0 } userProperties)
        {
            var copy = new KeyValuePair<string, string>[userProperties.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                var property = userProperties[i];
                copy[i] = new KeyValuePair<string, string>(property.Name, Encoding.UTF8.GetString(property.ValueBuffer.Span));
                if (property.Name == senderProperty)
                {
                    sender = copy[i].Value;
                }
            }

            properties = copy;
        }

        return new IncomingMessage(
            message.Topic,
            message.Payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray(),
            message.Retain,
            message.ResponseTopic,
            message.CorrelationData is { } correlation ? correlation : null,
            sender)
        {
            Qos = (MessageQos)message.QualityOfServiceLevel,
            Duplicate = message.Dup,
            ContentType = message.ContentType,
            UserProperties = properties,
        };
    }
}
