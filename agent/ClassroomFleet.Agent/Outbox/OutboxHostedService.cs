using Microsoft.Extensions.Hosting;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>Opens the outbox (recovery) before polling starts and closes it after polling and publishing stopped.</summary>
public sealed class OutboxHostedService(IOutbox outbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => outbox.OpenAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => outbox.CloseAsync(cancellationToken);
}
