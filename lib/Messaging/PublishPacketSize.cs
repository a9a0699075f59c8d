using System.Text;

namespace ClassroomFleet.Messaging;

/// <summary>An upper bound of the encoded size of a PUBLISH packet (MQTT 5.0 §3.3), to refuse oversized ones before sending.</summary>
internal static class PublishPacketSize
{
    public static long Estimate(OutgoingMessage message)
    {
        long variable = 2 + Encoding.UTF8.GetByteCount(message.Topic) + 2; // topic + packet identifier
        long properties = 0;
        if (message.ResponseTopic is { } responseTopic)
        {
            properties += 3 + Encoding.UTF8.GetByteCount(responseTopic);
        }

        if (message.CorrelationData is { } correlation)
        {
            properties += 3 + correlation.Length;
        }

        if (message.ContentType is { } contentType)
        {
            properties += 3 + Encoding.UTF8.GetByteCount(contentType);
        }

        if (message.MessageExpiry is not null)
        {
            properties += 5;
        }

        if (message.UserProperties is { } userProperties)
        {
            foreach (var (name, value) in userProperties)
            {
                properties += 5 + Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
            }
        }

        var remaining = variable + 4 + properties + message.Payload.Length; // 4: the property length varint at most
        return 1 + 4 + remaining; // fixed header byte + remaining-length varint at most
    }
}
