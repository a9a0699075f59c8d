using System.Collections.Concurrent;

namespace ClassroomFleet.Messaging;

/// <summary>
/// MQTT 5.0 request/response (§4.10): each request carries <see cref="OutgoingMessage.ResponseTopic"/> = this client's
/// reply topic and a fresh 16-byte correlation id; the reply with the same correlation data completes the request.
/// The responder builds its reply with <see cref="CreateReply"/>. Requires protocol 5.0 on both sides (3.1.1 does not
/// carry these properties).
/// </summary>
public sealed class MqttRequestClient
{
    private readonly IMqttTransport _transport;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<IncomingMessage>> _pending = new();
    private long _unmatched;

    public MqttRequestClient(IMqttTransport transport, string replyTopic)
    {
        _transport = transport;
        ReplyTopic = replyTopic;
    }

    public string ReplyTopic { get; }

    /// <summary>Replies that matched no pending request (late after a timeout, duplicated, or foreign).</summary>
    public long UnmatchedReplies => Interlocked.Read(ref _unmatched);

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _transport.SubscribeAsync(ReplyTopic, MessageQos.AtLeastOnce, OnReplyAsync, cancellationToken);

    /// <summary>Publishes the request and waits for its reply; <see cref="TimeoutException"/> when none comes in time.</summary>
    public async Task<IncomingMessage> RequestAsync(OutgoingMessage request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var reply = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            var published = await _transport.PublishAsync(
                request with { ResponseTopic = ReplyTopic, CorrelationData = id.ToByteArray() }, cancellationToken).ConfigureAwait(false);
            if (!published.Accepted)
            {
                throw new InvalidOperationException($"The request to {request.Topic} was refused: {published.Failure} ({published.ReasonCode}) {published.ReasonText}");
            }

            return await reply.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>The reply to <paramref name="request"/>: to its response topic, with its correlation data.</summary>
    public static OutgoingMessage CreateReply(IncomingMessage request, ReadOnlyMemory<byte> payload, MessageQos qos = MessageQos.AtLeastOnce)
    {
        if (string.IsNullOrEmpty(request.ResponseTopic))
        {
            throw new ArgumentException("The request has no response topic (was it sent with MQTT 3.1.1?)", nameof(request));
        }

        return new OutgoingMessage(request.ResponseTopic, payload, qos) { CorrelationData = request.CorrelationData };
    }

    private Task OnReplyAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.CorrelationData is { Length: 16 } correlation
            && _pending.TryRemove(new Guid(correlation.Span), out var reply))
        {
            reply.TrySetResult(message);
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }

        return Task.CompletedTask;
    }
}
