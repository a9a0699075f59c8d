using Microsoft.Extensions.Hosting;

namespace ClassroomFleet.Messaging;

/// <summary>Starts the transport with the host (first connect attempt only; it keeps reconnecting) and stops it cleanly.</summary>
internal sealed class MqttTransportHostedService(IMqttTransport transport) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => transport.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => transport.StopAsync(cancellationToken);
}
