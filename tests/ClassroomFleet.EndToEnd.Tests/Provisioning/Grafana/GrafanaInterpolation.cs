using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>
/// Grafana's interpolation of an InfluxQL query: <c>$timeFilter</c> becomes the relative time range,
/// <c>$__interval</c> the group-by interval Grafana would pick (range / max data points, at least the datasource's
/// minimum interval, rounded to Grafana's steps), and each template variable its current value; a variable used inside
/// a regex (<c>/^$school$/</c>) with several values becomes the alternation <c>(a|b)</c> of regex-escaped values, and one
/// set to "All" with a custom all value becomes that value as written.
/// </summary>
public static partial class GrafanaInterpolation
{
    private const int MaxDataPoints = 1000;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    /// <param name="allValues">The variables set to "All" that have a custom all value, with that value.</param>
    public static string Apply(
        string query, TimeSpan range, TimeSpan minimumInterval, IReadOnlyDictionary<string, IReadOnlyList<string>> variables, IReadOnlyDictionary<string, string>? allValues = null)
    {
        var text = query.Replace("$timeFilter", $"time > now() - {Duration(range)}", StringComparison.Ordinal)
            .Replace("$__interval", Duration(Interval(range, minimumInterval)), StringComparison.Ordinal);
        return VariableUse().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (allValues?.TryGetValue(name, out var all) == true)
            {
                return all;
            }

            if (!variables.TryGetValue(name, out var values) || values.Count == 0)
            {
                throw new InvalidOperationException($"variable ${name} has no value in: {query}");
            }

            return values.Count == 1 ? Regex.Escape(values[0]) : "(" + string.Join('|', values.Select(Regex.Escape)) + ")";
        });
    }

    public static TimeSpan Interval(TimeSpan range, TimeSpan minimumInterval)
    {
        var raw = range / MaxDataPoints;
        var step = Steps.FirstOrDefault(s => s >= raw, Steps[^1]);
        return step < minimumInterval ? minimumInterval : step;
    }

    /// <summary>An InfluxQL duration literal: whole seconds.</summary>
    public static string Duration(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex VariableUse();
}
