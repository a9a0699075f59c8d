using MQTTnet;

namespace ClassroomFleet.Messaging;

/// <summary>Topic filter helpers, aware of shared subscriptions (MQTT 5.0 §4.8.2: <c>$share/{group}/{filter}</c>).</summary>
public static class TopicFilter
{
    private const string SharePrefix = "$share/";

    /// <summary>The filter that messages are matched against: a shared subscription without its <c>$share/group/</c>.</summary>
    public static string MatchPart(string filter)
    {
        if (!filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return filter;
        }

        var slash = filter.IndexOf('/', SharePrefix.Length);
        return slash < 0 ? filter : filter[(slash + 1)..];
    }

    public static bool IsShared(string filter) => filter.StartsWith(SharePrefix, StringComparison.Ordinal);

    public static bool Matches(string topic, string filter) =>
        MqttTopicFilterComparer.Compare(topic, MatchPart(filter)) == MqttTopicFilterCompareResult.IsMatch;

    /// <summary>Checks a topic name to publish to (§4.7.3): not empty, no wildcards, no NUL, at most 65535 UTF-8 bytes.</summary>
    public static bool IsValidTopicName(string topic) =>
        topic.Length > 0
        && topic.AsSpan().IndexOfAny('+', '#', '\0') < 0
        && System.Text.Encoding.UTF8.GetByteCount(topic) <= ushort.MaxValue;
}
