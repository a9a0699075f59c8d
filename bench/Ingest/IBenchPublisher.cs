using ClassroomFleet.Messaging;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>One MQTT connection of the load generator: publishes with QoS 1 and completes when the broker acknowledged.</summary>
internal interface IBenchPublisher : IAsyncDisposable
{
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
