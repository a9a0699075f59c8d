using System.Globalization;
using ClassroomFleet.Contracts;
using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Fleet.Api;

/// <summary>Reads device health and uplink figures with InfluxQL (times as epoch milliseconds).</summary>
public sealed class InfluxTelemetryReader(InfluxClient influx) : ITelemetryReader
{
    private const string HealthHorizon = "30d";

    public async Task<IReadOnlyDictionary<string, DeviceHealth>> GetDeviceHealthAsync(string school, CancellationToken cancellationToken = default)
    {
        // One series per device (GROUP BY device), newest row first, one row: the last point whatever its other tags.
        var query = $"SELECT \"up\", \"poll_ms\", \"error\" FROM {InfluxQl.QuoteIdentifier(Measurements.Device)} " +
            $"WHERE \"school\" = {InfluxQl.QuoteString(school)} AND time > now() - {HealthHorizon} " +
            "GROUP BY \"device\" ORDER BY time DESC LIMIT 1";
        var result = (await influx.QueryAsync(query, "ms", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var health = new Dictionary<string, DeviceHealth>(StringComparer.Ordinal);
        foreach (var series in result.Series)
        {
            if (series.Values.Count == 0 || !series.Tags.TryGetValue("device", out var device))
            {
                continue;
            }

            health[device] = new DeviceHealth(
                series.GetBoolean(0, "up"), series.GetDouble(0, "poll_ms"), series.GetString(0, "error"),
                DateTimeOffset.FromUnixTimeMilliseconds(series.GetInt64(0, "time") ?? 0));
        }

        return health;
    }

    public async Task<IReadOnlyList<UplinkFigures>> GetUplinkAsync(string school, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var where = $"WHERE \"school\" = {InfluxQl.QuoteString(school)} AND time > now() - {((long)window.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";
        var measurement = InfluxQl.QuoteIdentifier(Measurements.Uplink);
        var query =
            $"SELECT \"in_bps\", \"out_bps\", \"capacity_mbps\" FROM {measurement} {where} GROUP BY \"if_name\" ORDER BY time DESC LIMIT 1; " +
            $"SELECT mean(\"in_bps\") AS in_mean, mean(\"out_bps\") AS out_mean, max(\"in_bps\") AS in_max, max(\"out_bps\") AS out_max FROM {measurement} {where} GROUP BY \"if_name\"";
        var result = (await influx.QueryAsync(query, "ms", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var aggregates = new Dictionary<string, InfluxSeries>(StringComparer.Ordinal);
        if (result.Statements.Count > 1)
        {
            foreach (var series in result.Statements[1].Series)
            {
                if (series.Values.Count > 0 && series.Tags.TryGetValue("if_name", out var name))
                {
                    aggregates[name] = series;
                }
            }
        }

        var figures = new List<UplinkFigures>();
        foreach (var last in result.Series)
        {
            if (last.Values.Count == 0 || !last.Tags.TryGetValue("if_name", out var name))
            {
                continue;
            }

            aggregates.TryGetValue(name, out var aggregate);
            figures.Add(new UplinkFigures(
                name, last.GetDouble(0, "in_bps"), last.GetDouble(0, "out_bps"),
                DateTimeOffset.FromUnixTimeMilliseconds(last.GetInt64(0, "time") ?? 0),
                aggregate?.GetDouble(0, "in_mean"), aggregate?.GetDouble(0, "out_mean"),
                aggregate?.GetDouble(0, "in_max"), aggregate?.GetDouble(0, "out_max"),
                last.GetDouble(0, "capacity_mbps")));
        }

        figures.Sort((a, b) => string.CompareOrdinal(a.Interface, b.Interface));
        return figures;
    }
}
