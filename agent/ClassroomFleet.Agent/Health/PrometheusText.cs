using System.Globalization;
using System.Text;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Status;

namespace ClassroomFleet.Agent.Health;

/// <summary>
/// <c>/metrics</c> in the Prometheus text exposition format 0.0.4: <c># HELP</c>, <c># TYPE</c>, then
/// <c>name{label="value"} number</c> lines.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Build(OutboxStats stats, PublishCounters publishing, bool mqttConnected, IReadOnlyDictionary<string, DateTimeOffset> lastPoll, long? configVersion)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentNullException.ThrowIfNull(lastPoll);
        var text = new StringBuilder();
        Gauge(text, "cf_agent_outbox_depth", "Batches waiting for the fleet's acknowledgement.", stats.Depth);
        Gauge(text, "cf_agent_outbox_bytes", "Bytes of the outbox on disk.", stats.Bytes);
        Gauge(text, "cf_agent_outbox_oldest_age_seconds", "Age of the oldest unacknowledged batch.", stats.OldestAgeSeconds);
        Gauge(text, "cf_agent_outbox_in_flight", "Batches published and awaiting acknowledgement.", stats.InFlight);
        Gauge(text, "cf_agent_outbox_writable", "1 when the outbox accepts writes.", stats.Writable ? 1 : 0);
        Counter(text, "cf_agent_outbox_appended_total", "Batches stored in the outbox.", stats.Appended);
        Counter(text, "cf_agent_outbox_acknowledged_total", "Batches the fleet acknowledged as stored.", stats.Acknowledged);
        Counter(text, "cf_agent_outbox_quarantined_segments_total", "Damaged segments moved to quarantine at start.", stats.QuarantinedSegments);
        text.Append("# HELP cf_agent_outbox_dropped_total Batches dropped by the outbox policy, by reason.\n");
        text.Append("# TYPE cf_agent_outbox_dropped_total counter\n");
        foreach (var (reason, count) in stats.Dropped)
        {
            text.Append(CultureInfo.InvariantCulture, $"cf_agent_outbox_dropped_total{{reason=\"{DropReasonNames.Of(reason)}\"}} {count}\n");
        }

        Counter(text, "cf_agent_published_total", "Batches the broker accepted (PUBACK), republications included.", publishing.Published);
        Counter(text, "cf_agent_publish_failed_total", "Publishes the broker refused or that failed on the way.", publishing.NotAccepted);
        Counter(text, "cf_agent_republished_total", "Batches published again because the fleet did not acknowledge them in time (event 2205).", publishing.Republished);
        Counter(text, "cf_agent_republished_unverified_total", "Of those, batches the broker had acknowledged without a reason code under MQTT 3.1.1 (event 2206).", publishing.RepublishedUnverified);
        text.Append("# HELP cf_agent_acks_total Acknowledgement messages received, by what became of them.\n");
        text.Append("# TYPE cf_agent_acks_total counter\n");
        Labelled(text, "cf_agent_acks_total", "result", "applied", publishing.AcksApplied);
        Labelled(text, "cf_agent_acks_total", "result", "other_agent", publishing.AcksOtherAgent);
        Labelled(text, "cf_agent_acks_total", "result", "foreign_fleet", publishing.AcksForeignFleet);
        Labelled(text, "cf_agent_acks_total", "result", "malformed", publishing.AcksMalformed);
        Counter(text, "cf_agent_acked_batches_total", "Batches named in applied acknowledgements that the outbox held.", publishing.AckedBatches);
        Counter(text, "cf_agent_acked_unknown_batches_total", "Batches named in applied acknowledgements that the outbox no longer held.", publishing.AckedUnknownBatches);
        Gauge(text, "cf_agent_mqtt_connected", "1 while connected to the broker.", mqttConnected ? 1 : 0);
        text.Append("# HELP cf_agent_info The agent's version and the configuration version in force (-1: none).\n");
        text.Append("# TYPE cf_agent_info gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"cf_agent_info{{version=\"{AgentVersion.Current}\",config_version=\"{configVersion ?? -1}\"}} 1\n");
        text.Append("# HELP cf_agent_last_poll_timestamp_seconds When each device kind last polled successfully (Unix time).\n");
        text.Append("# TYPE cf_agent_last_poll_timestamp_seconds gauge\n");
        foreach (var (kind, at) in lastPoll)
        {
            text.Append(CultureInfo.InvariantCulture, $"cf_agent_last_poll_timestamp_seconds{{kind=\"{kind}\"}} {at.ToUnixTimeMilliseconds() / 1000.0:0.###}\n");
        }

        return text.ToString();
    }

    private static void Labelled(StringBuilder text, string name, string label, string value, double number) =>
        text.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{value}\"}} {number:0.###}\n");

    private static void Gauge(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "gauge", value);

    private static void Counter(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "counter", value);

    private static void Metric(StringBuilder text, string name, string help, string type, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value:0.###}\n");
    }
}
