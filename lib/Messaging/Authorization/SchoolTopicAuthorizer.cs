namespace ClassroomFleet.Messaging.Authorization;

/// <summary>
/// The broker's authorisation rule, the same for the embedded broker and (through <see cref="MosquittoAclWriter"/>)
/// for mosquitto: a school may publish only its own telemetry, status, inventory, reported config and command results,
/// and subscribe only to its own desired config, commands and acknowledgements; fleet and admin may do everything.
/// The county level is a wildcard: the school code is unique in the country.
/// </summary>
public static class SchoolTopicAuthorizer
{
    private static readonly string[] SchoolWriteSuffixes = ["telemetry/+", "status", "inventory", "config/reported", "command/+/result"];
    private static readonly string[] SchoolReadSuffixes = ["config/desired", "command/+", "ack"];

    public static IReadOnlyList<string> WritePatterns(string schoolCode) => Patterns(schoolCode, SchoolWriteSuffixes);

    public static IReadOnlyList<string> ReadPatterns(string schoolCode) => Patterns(schoolCode, SchoolReadSuffixes);

    public static bool MayPublish(BrokerPrincipal principal, string topic) => principal.Role switch
    {
        BrokerRole.Fleet or BrokerRole.Admin => true,
        BrokerRole.School => AnyCovers(WritePatterns(principal.SchoolCode!), topic),
        _ => false,
    };

    /// <summary>Checks a subscription filter; a shared subscription is judged by the filter after <c>$share/group/</c>.</summary>
    public static bool MaySubscribe(BrokerPrincipal principal, string filter) => principal.Role switch
    {
        BrokerRole.Fleet or BrokerRole.Admin => true,
        BrokerRole.School => AnyCovers(ReadPatterns(principal.SchoolCode!), TopicFilter.MatchPart(filter)),
        _ => false,
    };

    /// <summary>Checks delivery of a message on <paramref name="topic"/> to the principal (what mosquitto checks).</summary>
    public static bool MayReceive(BrokerPrincipal principal, string topic) => MaySubscribe(principal, topic);

    private static bool AnyCovers(IReadOnlyList<string> patterns, string filterOrTopic)
    {
        foreach (var pattern in patterns)
        {
            if (TopicPattern.Covers(pattern, filterOrTopic))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Patterns(string schoolCode, string[] suffixes)
    {
        var patterns = new string[suffixes.Length];
        for (var i = 0; i < suffixes.Length; i++)
        {
            patterns[i] = $"cf/v1/+/{schoolCode}/{suffixes[i]}";
        }

        return patterns;
    }
}
