namespace ClassroomFleet.Messaging.Authorization;

/// <summary>
/// Matching of ACL patterns (MQTT filters with + and #) against topic names and against subscription filters.
/// A filter is allowed only when every topic it can match is allowed: the pattern must "cover" the filter.
/// </summary>
public static class TopicPattern
{
    /// <summary>True when <paramref name="pattern"/> covers <paramref name="filterOrTopic"/> level by level (MQTT 5.0 §4.7).</summary>
    public static bool Covers(string pattern, string filterOrTopic)
    {
        var p = pattern.AsSpan();
        var f = filterOrTopic.AsSpan();
        while (true)
        {
            var pLevel = NextLevel(ref p, out var pMore);
            var fLevel = NextLevel(ref f, out var fMore);
            if (pLevel is "#")
            {
                return true;
            }

            if (fLevel is "#")
            {
                return false; // the filter reaches deeper than a non-# pattern allows
            }

            if (fLevel is "+" ? pLevel is not "+" : pLevel is not "+" && !pLevel.SequenceEqual(fLevel))
            {
                return false;
            }

            if (!pMore || !fMore)
            {
                // "a/#" also matches "a" (§4.7.1.2), so a pattern with only "#" left covers the end of the filter.
                return pMore == fMore || (pMore && p is "#");
            }
        }
    }

    private static ReadOnlySpan<char> NextLevel(ref ReadOnlySpan<char> rest, out bool more)
    {
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            var level = rest;
            rest = default;
            more = false;
            return level;
        }

        var head = rest[..slash];
        rest = rest[(slash + 1)..];
        more = true;
        return head;
    }
}
