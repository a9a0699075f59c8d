using System.Globalization;
using System.Text;
using ClassroomFleet.Agent.Outbox;

namespace ClassroomFleet.Agent.Health;

/// <summary>
/// <c>/metrics</c> in the Prometheus text exposition format 0.0.4: <c># HELP</c>, <c># TYPE</c>, then
/// <c>name{label="value"} number</c> lines.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Build(OutboxStats stats, bool mqttConnected, IReadOnlyDictionary<string, DateTimeOffset> lastPoll)
    {
        ArgumentNullException.ThrowIfNull(stats);
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

        Gauge(text, "cf_agent_mqtt_connected", "1 while connected to the broker.", mqttConnected ? 1 : 0);
        text.Append("# HELP cf_agent_last_poll_timestamp_seconds When each device kind last polled successfully (Unix time).\n");
        text.Append("# TYPE cf_agent_last_poll_timestamp_seconds gauge\n");
        foreach (var (kind, at) in lastPoll)
        {
            text.Append(CultureInfo.InvariantCulture, $"cf_agent_last_poll_timestamp_seconds{{kind=\"{kind}\"}} {at.ToUnixTimeMilliseconds() / 1000.0:0.###}\n");
        }

        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "gauge", value);

    private static void Counter(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "counter", value);

    private static void Metric(StringBuilder text, string name, string help, string type, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value:0.###}\n");
    }
}
