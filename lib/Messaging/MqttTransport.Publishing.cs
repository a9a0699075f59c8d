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
                while (_queue.Reader.TryRead(out current))
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

                _recent.Add(pending.Message, pending.Generation);
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

    /// <summary>Queues the newest acknowledged messages of the lost connection to be sent once more (see <see cref="RecentAcknowledgements"/>).</summary>
    private void RepublishRecentAcknowledgements()
    {
        var recent = _recent.TakeRecent(_gate.Generation);
        var queued = 0;
        foreach (var message in recent)
        {
            if (_queue.Writer.TryWrite(new PendingPublish(message, null, CancellationToken.None)))
            {
                queued++;
            }
        }

        if (queued > 0)
        {
            Counters.RepublishAfterLoss(queued);
            _logger.RepublishingAfterLoss(queued);
        }
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
