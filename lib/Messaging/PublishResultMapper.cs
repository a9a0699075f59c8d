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
            _ => PublishFailure.Other,
        };
        return PublishResult.Failed(failure, code, result.ReasonString ?? result.ReasonCode.ToString());
    }
}
