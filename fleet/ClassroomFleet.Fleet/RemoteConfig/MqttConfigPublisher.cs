using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Publishes over the fleet's MQTT transport, QoS 1; desired documents retained so that an agent gets the latest on (re)subscribe.</summary>
public sealed class MqttConfigPublisher(IMqttTransport transport, ILogger<MqttConfigPublisher> logger) : IConfigPublisher
{
    public async Task<bool> PublishDesiredAsync(string county, string school, ConfigEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var payload = ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(county, school), payload, MessageQos.AtLeastOnce, Retain: true), cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            RemoteConfigFleetLog.PublishFailed(logger, Topics.ConfigDesired(county, school), result.ReasonText ?? result.Failure.ToString());
        }

        return result.Accepted;
    }

    public async Task<bool> PublishCommandAsync(string county, string school, CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = ContractSerializer.Serialize(command, ContractJsonContext.Default.CommandMessage);
        var topic = Topics.Command(county, school, command.Id);
        var result = await transport.PublishAsync(new OutgoingMessage(topic, payload) { MessageExpiry = Expiry(command) }, cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            RemoteConfigFleetLog.PublishFailed(logger, topic, result.ReasonText ?? result.Failure.ToString());
        }

        return result.Accepted;
    }

    private static TimeSpan? Expiry(CommandMessage command)
    {
        var left = command.ExpiresAt - DateTimeOffset.UtcNow;
        return left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }
}
