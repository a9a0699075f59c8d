using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests;

/// <summary>Transports for tests, pointed at the shared broker (scripts/services.sh) or at a private one.</summary>
public static class TransportFactory
{
    public static MqttTransportOptions SharedBrokerOptions(string? clientId = null)
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        return Options(host, port, clientId);
    }

    public static MqttTransportOptions Options(string host, int port, string? clientId = null) => new()
    {
        Host = host,
        Port = port,
        ClientId = clientId ?? "cf-test-" + Guid.NewGuid().ToString("N")[..12],
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        CommunicationTimeout = TimeSpan.FromSeconds(10),
    };

    public static MqttTransportOptions Options(MosquittoProcess broker, string? clientId = null) => Options(broker.Host, broker.Port, clientId);

    public static async Task<MqttTransport> StartedAsync(MqttTransportOptions options, TestLogger<MqttTransport>? logger = null)
    {
        var transport = new MqttTransport(options, logger ?? new TestLogger<MqttTransport>());
        await transport.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await transport.WaitConnectedAsync(timeout.Token);
        return transport;
    }

    public static string UniqueTopic(string prefix = "cftest") => $"{prefix}/{Guid.NewGuid():N}";

    public static CancellationToken Timeout(int seconds = 15) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
