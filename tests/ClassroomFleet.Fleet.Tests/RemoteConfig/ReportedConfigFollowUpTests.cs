using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.RemoteConfig;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>
/// The report handler runs on the MQTT receive path, where every message behind it waits for it; its confirmation waits
/// for the broker's PUBACK, so it must follow after the handler, not inside it. Against a private mosquitto.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class ReportedConfigFollowUpTests
{
    [Fact]
    public async Task An_Applied_Report_Is_Taken_At_Once_While_Its_Confirmation_Waits_For_A_Stalled_Broker()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        await using var fleet = await RemoteConfigFleet.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = broker.Host,
            ["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        });
        var school = fleet.Schools[0];
        using (var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0))
        {
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        var commands = new ConcurrentQueue<string>();
        await fleet.Agents.SubscribeAsync(Topics.Command(fleet.County, school, "+"), MessageQos.AtLeastOnce, (message, _) =>
        {
            commands.Enqueue(ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.CommandMessage, c => c.Schema).Id);
            return Task.CompletedTask;
        }, ct);
        var report = ContractSerializer.Serialize(
            new ConfigReported { Agent = "gw-" + school, County = fleet.County, School = school, Version = 1, AttemptedVersion = 1, Status = ConfigStatus.Applied, Time = DateTimeOffset.UtcNow },
            ContractJsonContext.Default.ConfigReported);
        var handler = fleet.Host.Services.GetRequiredService<ReportedConfigHandler>();

        // Stopped, the broker reads and acknowledges nothing while the fleet's connection stays up.
        await broker.PauseAsync();
        try
        {
            // The limit only keeps a regression from hanging the run: inside the handler the confirmation would wait here
            // for as long as the broker is stalled.
            await handler.HandleAsync(Topics.ConfigReported(fleet.County, school), report, ct).WaitAsync(TimeSpan.FromSeconds(20), ct);
        }
        finally
        {
            await broker.ResumeAsync();
        }

        await Eventually.HoldsAsync(() => commands.Contains("cfg-confirm-1"), TimeSpan.FromSeconds(60), ct);
        Assert.Equal(0, handler.NotFollowedUp);
    }
}
