namespace ClassroomFleet.Messaging;

/// <summary>A remembered subscription; <see cref="Confirmed"/> is true once the current broker session holds it.</summary>
internal sealed class Subscription(string filter, MessageQos qos, Func<IncomingMessage, CancellationToken, Task> handler)
{
    public string Filter { get; } = filter;

    public string MatchFilter { get; } = TopicFilter.MatchPart(filter);

    public MessageQos Qos { get; } = qos;

    public Func<IncomingMessage, CancellationToken, Task> Handler { get; } = handler;

    public volatile bool Confirmed;
}
