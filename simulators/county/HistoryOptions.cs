using System.Globalization;

namespace ClassroomFleet.Simulators.County;

/// <summary>What history to replay: which county, through which broker, how many school days back, and how each site's line performs.</summary>
public sealed record HistoryOptions
{
    public required string FactsPath { get; init; }

    public string MqttHost { get; init; } = "127.0.0.1";

    public int MqttPort { get; init; } = 1883;

    /// <summary>Weekdays before <see cref="Until"/> to fill; the rule packs look at the last 20 school days.</summary>
    public int SchoolDays { get; init; } = 28;

    public DateTimeOffset Until { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Measured share of the contracted downlink per site (default 0.92); below the target shows a FAIL.</summary>
    public IReadOnlyDictionary<string, double> DeliveredShare { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Sites whose agent never reported: no history at all (the audit says UNKNOWN, agent offline).</summary>
    public IReadOnlySet<string> Offline { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public const double DefaultShare = 0.92;

    public double ShareOf(string site) => DeliveredShare.TryGetValue(site, out var share) ? share : DefaultShare;

    /// <summary>
    /// <c>--facts FILE [--mqtt HOST:PORT] [--days N] [--share SITE=0.45]… [--offline SITE]…</c>; null with a reason on bad input.
    /// </summary>
    public static (HistoryOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? facts = null;
        var host = "127.0.0.1";
        var port = 1883;
        var days = 28;
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var offline = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--facts" when value is not null:
                    facts = value;
                    break;
                case "--mqtt" when value is not null && value.LastIndexOf(':') is > 0 and var colon
                    && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port):
                    host = value[..colon];
                    break;
                case "--days" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is > 0 and <= 200:
                    break;
                case "--share" when value?.Split('=') is [var site, var text]
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1:
                    shares[site] = share;
                    break;
                case "--offline" when value is not null:
                    offline.Add(value);
                    break;
                default:
                    return (null, $"unknown or malformed argument '{args[i]}'");
            }

            i++;
        }

        return facts is null
            ? (null, "--facts is required")
            : (new HistoryOptions { FactsPath = facts, MqttHost = host, MqttPort = port, SchoolDays = days, DeliveredShare = shares, Offline = offline }, null);
    }
}
