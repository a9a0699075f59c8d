using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>
/// The fleet's side of the protocol over a real broker, as the fleet does it (fleet/…/ReportedConfigHandler): publishes
/// signed desired documents retained, records every <c>config/reported</c>, and answers an <c>applied</c> report of the
/// version it last pushed with a <c>config_confirm</c> command. The fleet host itself is tested in the fleet's tests.
/// </summary>
internal sealed class FleetStandIn(string county, string school, MqttTransport transport, ECDsa key) : IAsyncDisposable
{
    private long _latest;

    public ConcurrentQueue<ConfigReported> Reports { get; } = new();

    public static async Task<FleetStandIn> StartAsync(string county, string school, (string Host, int Port) broker, ECDsa key)
    {
        var transport = new MqttTransport(
            new MqttTransportOptions { Host = broker.Host, Port = broker.Port, ClientId = $"fleet-standin-{school}", CleanStart = true, SessionExpiry = TimeSpan.Zero },
            NullLogger<MqttTransport>.Instance);
        await transport.StartAsync();
        using (var connected = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await transport.WaitConnectedAsync(connected.Token);
        }

        var fleet = new FleetStandIn(county, school, transport, key);
        await transport.SubscribeAsync(Topics.ConfigReported(county, school), MessageQos.AtLeastOnce, fleet.OnReportedAsync);
        return fleet;
    }

    public async Task PushAsync(ConfigDocument document)
    {
        Interlocked.Exchange(ref _latest, document.Version);
        var envelope = ConfigEnvelopeSigner.Sign(ContractSerializer.Serialize(document, ContractJsonContext.Default.ConfigDocument), key);
        var payload = ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(county, school), payload, MessageQos.AtLeastOnce, Retain: true));
        Assert.True(result.Accepted, result.ReasonText);
    }

    public ConcurrentQueue<CommandResult> Results { get; } = new();

    /// <summary>Sends a command as the fleet does and records every result the agent publishes for it.</summary>
    public async Task SendAsync(CommandMessage command)
    {
        await transport.SubscribeAsync(Topics.CommandResult(county, school, command.Id), MessageQos.AtLeastOnce, (m, _) =>
        {
            Results.Enqueue(ContractSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.CommandResult, r => r.Schema));
            return Task.CompletedTask;
        });
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.Command(county, school, command.Id), ContractSerializer.Serialize(command, ContractJsonContext.Default.CommandMessage)));
        Assert.True(result.Accepted, result.ReasonText);
    }

    public async Task<ConfigReported> WaitForAsync(Func<ConfigReported, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Reports.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no matching report within {within}; seen: {string.Join(", ", Reports.Select(r => $"{r.AttemptedVersion}:{r.Status}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        // Clear the retained topics so that the shared broker does not hand them to a later run.
        await transport.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(county, school), ReadOnlyMemory<byte>.Empty, MessageQos.AtLeastOnce, Retain: true));
        await transport.PublishAsync(new OutgoingMessage(Topics.ConfigReported(county, school), ReadOnlyMemory<byte>.Empty, MessageQos.AtLeastOnce, Retain: true));
        await transport.DisposeAsync();
    }

    private async Task OnReportedAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.Payload.IsEmpty)
        {
            return;
        }

        var report = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.ConfigReported, r => r.Schema);
        Reports.Enqueue(report);
        if (report.Status == ConfigStatus.Applied && report.Version == Interlocked.Read(ref _latest))
        {
            var now = DateTimeOffset.UtcNow;
            var confirm = new CommandMessage
            {
                Id = $"cfg-confirm-{report.Version}",
                Type = CommandTypes.ConfigConfirm,
                Args = new Dictionary<string, string> { ["version"] = report.Version.ToString(CultureInfo.InvariantCulture) },
                IssuedAt = now,
                ExpiresAt = now.AddMinutes(1),
            };
            await transport.PublishAsync(new OutgoingMessage(Topics.Command(county, school, confirm.Id), ContractSerializer.Serialize(confirm, ContractJsonContext.Default.CommandMessage)), cancellationToken);
        }
    }
}
