using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace ClassroomFleet.Messaging;

/// <summary>Publishing: the bounded queue, the pump that sends while connected, and acknowledgement handling.</summary>
public sealed partial class MqttTransport
{
    private static readonly PublishResult Stopped = PublishResult.Failed(PublishFailure.NotConnected, null, "the transport was stopped");

    /// <summary>Written to the queue to wake the pump for <see cref="_republish"/>; finished, so it is skipped.</summary>
    private static readonly PendingPublish WakeUp = CreateWakeUp();

    public async ValueTask<PublishResult> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _stopped) == 1)
        {
            return Stopped;
        }

        if (!TopicFilter.IsValidTopicName(message.Topic))
        {
            Counters.PublishRefused();
            return PublishResult.Failed(PublishFailure.TopicInvalid, null, $"'{message.Topic}' is not a valid topic name");
        }

        if (PublishPacketSize.Estimate(message) > _options.MaximumPacketSize)
        {
            Counters.PublishRefused();
            return PublishResult.Failed(PublishFailure.PacketTooLarge, null, $"larger than MaximumPacketSize {_options.MaximumPacketSize}");
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingPublish(message, _slots, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Complete(Stopped);
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return await pending.Completion.ConfigureAwait(false);
        }

        using var registration = cancellationToken.UnsafeRegister(static state => ((PendingPublish)state!).Cancel(), pending);
        return await pending.Completion.ConfigureAwait(false);
    }

    private async Task RunPublishPumpAsync(CancellationToken stopping)
    {
        PendingPublish? current = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (_republish.TryDequeue(out current) || _queue.Reader.TryRead(out current))
                {
                    if (current.IsFinished)
                    {
                        continue;
                    }

                    await _gate.WaitOpenAsync(stopping).ConfigureAwait(false);
                    await _inflight.WaitAsync(stopping).ConfigureAwait(false);
                    if (current.CancellationToken.IsCancellationRequested)
                    {
                        current.Cancel();
                        _inflight.Release();
                        continue;
                    }

                    current.Generation = _gate.Generation;
                    _ = SendAsync(current, stopping);
                    current = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            current?.Complete(Stopped);
        }
    }

    private async Task SendAsync(PendingPublish pending, CancellationToken stopping)
    {
        var topic = pending.Message.Topic;
        try
        {
            var serverLimit = Interlocked.Read(ref _serverMaximumPacketSize);
            if (serverLimit > 0 && PublishPacketSize.Estimate(pending.Message) > serverLimit)
            {
                Refuse(pending, PublishResult.Failed(PublishFailure.PacketTooLarge, null, $"larger than the broker's maximum packet size {serverLimit}"));
                return;
            }

            var result = await _client.PublishAsync(BuildMessage(pending.Message), stopping).ConfigureAwait(false);
            var mapped = PublishResultMapper.Map(result);
            if (mapped.Accepted)
            {
                Counters.PublishAccepted();
                if (_options.IsVersion311 && pending.Message.Qos != MessageQos.AtMostOnce)
                {
                    Counters.PublishUnverified();
                    mapped = mapped with { ReasonCode = null, Unverified = true };
                }

                if (!_recent.Add(pending.Message, pending.Generation))
                {
                    // The acknowledgement was read just before the connection's end, and the loss was handled first.
                    QueueRepublish([pending.Message]);
                }

                pending.Complete(mapped);
            }
            else
            {
                Refuse(pending, mapped);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            pending.Complete(Stopped);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection broke before the acknowledgement. QoS 1 allows a duplicate, so send it again later.
            _gate.CloseIf(pending.Generation);
            Counters.PublishRetry();
            _logger.PublishRetrying(topic);
            if (!_queue.Writer.TryWrite(pending))
            {
                pending.Complete(Stopped);
            }
        }
#pragma warning disable CA1031 // Anything else (a packet MQTTnet refuses to build) fails this message only, with the cause logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.PublishFailed(topic, ex);
            Counters.PublishRefused();
            pending.Complete(PublishResult.Failed(PublishFailure.Other, null, ex.Message));
        }
        finally
        {
            _inflight.Release();
        }
    }

    /// <summary>Queues acknowledged messages to be sent once more, ahead of the backlog (see <see cref="RecentAcknowledgements"/>).</summary>
    private void QueueRepublish(List<OutgoingMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        foreach (var message in messages)
        {
            var pending = new PendingPublish(message, null, CancellationToken.None);
            _republishing.TryAdd(pending, 0);
            _ = pending.Completion.ContinueWith(_ => _republishing.TryRemove(pending, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _republish.Enqueue(pending);
        }

        _queue.Writer.TryWrite(WakeUp);
        Counters.RepublishAfterLoss(messages.Count);
        _logger.RepublishingAfterLoss(messages.Count);
    }

    /// <summary>
    /// On stop, while connected, gives messages being sent once more after a lost connection a short time to be
    /// acknowledged: a caller that saw its own publishes acknowledged may stop at once, and they are the broker's only copy.
    /// </summary>
    private async Task DrainRepublishingAsync(CancellationToken cancellationToken)
    {
        if (_republishing.IsEmpty || !_client.IsConnected)
        {
            return;
        }

        try
        {
            await Task.WhenAll(_republishing.Keys.Select(p => p.Completion)).WaitAsync(RepublishDrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private static PendingPublish CreateWakeUp()
    {
        var wakeUp = new PendingPublish(new OutgoingMessage("wake-up", ReadOnlyMemory<byte>.Empty, MessageQos.AtMostOnce), null, CancellationToken.None);
        wakeUp.Complete(Stopped);
        return wakeUp;
    }

    private void Refuse(PendingPublish pending, PublishResult result)
    {
        Counters.PublishRefused();
        _logger.PublishRefused(pending.Message.Topic, result.Failure, result.ReasonCode, result.ReasonText);
        pending.Complete(result);
    }

    private MqttApplicationMessage BuildMessage(OutgoingMessage message)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayloadSegment(message.Payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)message.Qos)
            .WithRetainFlag(message.Retain);

        if (_options.IsVersion311)
        {
            return builder.Build();
        }

        if (message.ResponseTopic is { Length: > 0 } responseTopic)
        {
            builder = builder.WithResponseTopic(responseTopic);
        }

        if (message.CorrelationData is { } correlation)
        {
            builder = builder.WithCorrelationData(correlation.ToArray());
        }

        if (message.ContentType is { Length: > 0 } contentType)
        {
            builder = builder.WithContentType(contentType);
        }

        if (message.MessageExpiry is { } expiry)
        {
            builder = builder.WithMessageExpiryInterval((uint)Math.Clamp(expiry.TotalSeconds, 1, uint.MaxValue));
        }

        if (message.UserProperties is { } properties)
        {
            foreach (var (name, value) in properties)
            {
                builder = builder.WithUserProperty(name, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(value));
            }
        }

        return builder.Build();
    }
}
