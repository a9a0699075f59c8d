using System.Globalization;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>
/// The results messages exchanged at EXCHANGE_RESULTS: cpu_util_total/user/system, sender_has_retransmits and a
/// streams array of {id, bytes, retransmits, jitter, errors, packets, start_time, end_time}, the fields iperf 3.x
/// requires (a message without them is refused by the server with IERECVRESULTS, and by us with a protocol error).
/// </summary>
public static class Iperf3Results
{
    public static JsonObject Create(bool senderHasRetransmits, IReadOnlyList<(int Id, long Bytes)> streams, double seconds)
    {
        var array = new JsonArray();
        foreach (var (id, bytes) in streams)
        {
            array.Add(new JsonObject
            {
                ["id"] = id,
                ["bytes"] = bytes,
                ["retransmits"] = -1,
                ["jitter"] = 0,
                ["errors"] = 0,
                ["omitted_errors"] = 0,
                ["packets"] = 0,
                ["omitted_packets"] = 0,
                ["start_time"] = 0,
                ["end_time"] = seconds,
            });
        }

        return new JsonObject
        {
            ["cpu_util_total"] = 0,
            ["cpu_util_user"] = 0,
            ["cpu_util_system"] = 0,
            ["sender_has_retransmits"] = senderHasRetransmits ? 1 : 0,
            ["streams"] = array,
        };
    }

    public static IReadOnlyList<Iperf3StreamResult> Parse(JsonObject results)
    {
        foreach (var key in new[] { "cpu_util_total", "cpu_util_user", "cpu_util_system", "sender_has_retransmits" })
        {
            if (results[key] is not JsonValue)
            {
                throw new Iperf3ProtocolException($"the server's results lack '{key}'");
            }
        }

        if (results["streams"] is not JsonArray streams)
        {
            throw new Iperf3ProtocolException("the server's results lack the streams array");
        }

        var parsed = new List<Iperf3StreamResult>(streams.Count);
        foreach (var node in streams)
        {
            if (node is not JsonObject stream)
            {
                throw new Iperf3ProtocolException("a stream of the server's results is not an object");
            }

            parsed.Add(new Iperf3StreamResult(
                (int)Number(stream, "id"), (long)Number(stream, "bytes"), (long)Number(stream, "retransmits"),
                Optional(stream, "start_time"), Optional(stream, "end_time")));
        }

        return parsed;
    }

    private static double Number(JsonObject stream, string key) =>
        stream[key] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number)
            ? number
            : throw new Iperf3ProtocolException($"a stream of the server's results lacks a numeric '{key}'");

    private static double Optional(JsonObject stream, string key) =>
        stream[key] is JsonValue value && value.TryGetValue<double>(out var number) ? number : double.NaN;

    internal static string Describe(IReadOnlyList<Iperf3StreamResult> streams) =>
        string.Join(", ", streams.Select(s => string.Create(CultureInfo.InvariantCulture, $"#{s.Id}: {s.Bytes} B")));
}
