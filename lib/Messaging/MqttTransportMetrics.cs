using System.Diagnostics.Metrics;
using ClassroomFleet.Messaging.Connecting;

namespace ClassroomFleet.Messaging;

/// <summary>Publishes <see cref="MqttTransportCounters"/> as observable counters of the meter <c>ClassroomFleet.Messaging</c>.</summary>
internal sealed class MqttTransportMetrics : IDisposable
{
    public const string MeterName = "ClassroomFleet.Messaging";

    private readonly Meter _meter;

    public MqttTransportMetrics(MqttTransportCounters counters, string clientId, Func<bool> isConnected)
    {
        _meter = new Meter(MeterName);
        var tag = new KeyValuePair<string, object?>("mqtt.client_id", clientId);
        void Counter(string name, Func<long> read, string description) =>
            _meter.CreateObservableCounter(name, () => new Measurement<long>(read(), tag), unit: "{event}", description: description);

        Counter("cf.mqtt.connects", () => counters.Connects, "Successful connections");
        _meter.CreateObservableCounter("cf.mqtt.connect_failures", () => ConnectFailures(counters, tag), unit: "{event}", description: "Failed connection attempts, by reason");
        Counter("cf.mqtt.connection_losses", () => counters.ConnectionLosses, "Connections lost");
        Counter("cf.mqtt.published", () => counters.Published, "Publishes acknowledged by the broker");
        Counter("cf.mqtt.publish_rejected", () => counters.PublishRejected, "Publishes refused by the broker or locally");
        Counter("cf.mqtt.publish_retried", () => counters.PublishRetried, "Publishes sent again after a lost connection");
        Counter("cf.mqtt.republished_after_loss", () => counters.RepublishedAfterLoss, "Acknowledged publishes sent once more after a lost connection, in case the broker died before saving them");
        Counter("cf.mqtt.published_unverified", () => counters.PublishedUnverified, "QoS 1/2 publishes acknowledged without a reason code (MQTT 3.1.1)");
        Counter("cf.mqtt.received", () => counters.Received, "Messages received");
        Counter("cf.mqtt.received_oversized", () => counters.ReceivedOversized, "Messages received above MaximumPacketSize, discarded");
        Counter("cf.mqtt.handler_failures", () => counters.HandlerFailures, "Handlers that threw");
        Counter("cf.mqtt.handler_timeouts", () => counters.HandlerTimeouts, "Handlers that ran past HandlerTimeout");
        _meter.CreateObservableGauge("cf.mqtt.connected", () => new Measurement<int>(isConnected() ? 1 : 0, tag), description: "1 while connected");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> ConnectFailures(MqttTransportCounters counters, KeyValuePair<string, object?> clientTag)
    {
        foreach (var failure in Enum.GetValues<ConnectFailure>())
        {
            if (failure != ConnectFailure.None)
            {
                yield return new Measurement<long>(counters.ConnectFailuresOf(failure), clientTag, new KeyValuePair<string, object?>("reason", failure.ToString()));
            }
        }
    }
}
