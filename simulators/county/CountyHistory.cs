using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Simulators.County;

/// <summary>
/// Replays the demo county's past school days through the broker as the sites' agents would have sent them (an agent
/// spooling after an outage sends exactly such old, time-stamped points), so that the fleet's audit has the 20 school
/// days of probes its rules ask for at any hour the demo starts. Every message goes through the real broker and the
/// fleet's real ingest; nothing is written to InfluxDB directly.
/// </summary>
public static class CountyHistory
{
    public static async Task<int> ReplayAsync(HistoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var facts = CountyFactsParser.Parse(await File.ReadAllTextAsync(options.FactsPath, cancellationToken).ConfigureAwait(false), options.FactsPath);
        var days = SchoolDays.Before(options.Until, options.SchoolDays).ToList();

        await using var transport = new MqttTransport(
            new MqttTransportOptions { Host = options.MqttHost, Port = options.MqttPort, ClientId = $"cf-county-history-{facts.Code}", CleanStart = true },
            NullLogger<MqttTransport>.Instance);
        await transport.StartAsync(cancellationToken).ConfigureAwait(false);

        var sent = 0;
        foreach (var site in facts.Sites.Where(s => !options.Offline.Contains(s.Id)))
        {
            foreach (var batch in HistoryBatches.For(facts.Code, site, days, options.ShareOf(site.Id)))
            {
                var payload = ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch);
                var result = await transport.PublishAsync(new OutgoingMessage(Topics.Telemetry(facts.Code, batch.School, batch.Device), payload), cancellationToken).ConfigureAwait(false);
                if (!result.Accepted)
                {
                    throw new InvalidOperationException($"the broker did not accept the history of {batch.School}/{batch.Device}: {result.Failure}");
                }

                sent += batch.Points.Count;
            }
        }

        return sent;
    }
}
