using MQTTnet;

namespace ClassroomFleet.Messaging;

/// <summary>Maps MQTTnet's publish result (MQTT 5.0 §3.4.2.1 reason codes) to <see cref="PublishResult"/>.</summary>
internal static class PublishResultMapper
{
    public static PublishResult Map(MqttClientPublishResult result)
    {
        var code = (int)result.ReasonCode;
        if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            return PublishResult.Success(code);
        }

        var failure = result.ReasonCode switch
        {
            MqttClientPublishReasonCode.NotAuthorized => PublishFailure.NotAuthorized,
            MqttClientPublishReasonCode.QuotaExceeded => PublishFailure.QuotaExceeded,
            MqttClientPublishReasonCode.PayloadFormatInvalid => PublishFailure.PayloadInvalid,
            MqttClientPublishReasonCode.TopicNameInvalid => PublishFailure.TopicInvalid,
            MqttClientPublishReasonCode.PacketIdentifierInUse => PublishFailure.PacketIdentifierInUse,
            (MqttClientPublishReasonCode)149 => PublishFailure.PacketTooLarge, // mosquitto 2.0 answers message_size_limit with 149
            _ => PublishFailure.Other,
        };
        return PublishResult.Failed(failure, code, result.ReasonString ?? result.ReasonCode.ToString());
    }
}
