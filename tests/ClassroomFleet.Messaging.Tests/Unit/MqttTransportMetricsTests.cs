using System.Diagnostics.Metrics;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class MqttTransportMetricsTests
{
    [Fact]
    public async Task Counters_Are_Exported_On_The_ClassroomFleet_Messaging_Meter()
    {
        var options = TransportFactory.Options("127.0.0.1", MosquittoProcess.FreeTcpPort());
        options.ReconnectMinDelay = options.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        await using var transport = new MqttTransport(options, new TestLogger<MqttTransport>());
        await transport.StartAsync();
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ClassroomFleet.Messaging")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? client = null, reason = null;
            foreach (var tag in tags)
            {
                client = tag.Key == "mqtt.client_id" ? (string?)tag.Value : client;
                reason = tag.Key == "reason" ? (string?)tag.Value : reason;
            }

            if (client == options.ClientId)
            {
                seen[reason is null ? instrument.Name : $"{instrument.Name}/{reason}"] = value;
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(1, seen["cf.mqtt.connect_failures/Network"]); // nothing listens on the port: no CONNACK
        Assert.Equal(0, seen["cf.mqtt.connect_failures/NotAuthorized"]);
        Assert.Equal(0, seen["cf.mqtt.connects"]);
    }
}
