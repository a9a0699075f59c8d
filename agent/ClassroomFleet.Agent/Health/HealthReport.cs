using System.Globalization;
using System.Text;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Agent.Health;

/// <summary>
/// <c>/healthz</c>: 200 while the agent can keep its promise (the outbox accepts writes), 503 with the reason when it
/// cannot (disk full, read-only folder). A broker or fleet outage is reported but stays 200: restarting the agent
/// would not help, and the outbox is there to ride it out.
/// </summary>
public static class HealthReport
{
    public static (int Status, string Body) Build(OutboxStats stats, bool mqttConnected)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var healthy = stats.Writable;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{{\"status\":\"{(healthy ? "ok" : "failing")}\",");
        body.Append(CultureInfo.InvariantCulture, $"\"outbox_writable\":{(stats.Writable ? "true" : "false")},");
        body.Append(CultureInfo.InvariantCulture, $"\"mqtt_connected\":{(mqttConnected ? "true" : "false")},");
        body.Append(CultureInfo.InvariantCulture, $"\"outbox_depth\":{stats.Depth},\"outbox_oldest_age_s\":{stats.OldestAgeSeconds:0.###}");
        if (stats.LastError is { } error)
        {
            body.Append(",\"error\":\"").Append(JsonEscape(error)).Append('"');
        }

        body.Append("}\n");
        return (healthy ? 200 : 503, body.ToString());
    }

    private static string JsonEscape(string text) =>
        System.Text.Json.JsonEncodedText.Encode(text).ToString();
}
