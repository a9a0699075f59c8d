using System.Globalization;
using ClassroomFleet.Contracts;
using ClassroomFleet.Influx.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// Telemetry from InfluxDB: active probe results (<c>uplink</c> with <c>method</c> = iperf3 or http; fields down_bps,
/// up_bps, link_speed_mbps) and device heartbeats (<c>device</c>.up, reduced to one "seen up" per device and day).
/// Selected by sample time, so spooled data that arrived late counts for the window it was measured in. Passive
/// utilisation (<c>method=passive</c>) is never read as capacity.
/// </summary>
public sealed class InfluxMeasurementSource : IMeasurementSource
{
    private readonly InfluxClient _client;
    private readonly ILogger _logger;

    public InfluxMeasurementSource(InfluxClient client, ILogger<InfluxMeasurementSource>? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger<InfluxMeasurementSource>.Instance;
    }

    public async Task<MeasurementSet> GetAsync(string county, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var range = $"{Tag(TagKeys.County)} = {InfluxQl.QuoteString(county)} AND time >= {Nanos(start)} AND time <= {Nanos(until)}";
        var probeQuery = $"SELECT \"down_bps\", \"up_bps\", \"link_speed_mbps\", \"method\" FROM {InfluxQl.QuoteIdentifier(Measurements.Uplink)} WHERE {range} AND (\"method\" = 'iperf3' OR \"method\" = 'http') GROUP BY {Tag(TagKeys.School)}, {Tag(TagKeys.Device)}";
        var beatQuery = $"SELECT count(\"up\") FROM {InfluxQl.QuoteIdentifier(Measurements.Device)} WHERE {range} AND \"up\" = true GROUP BY time(1d, -8h), {Tag(TagKeys.School)}, {Tag(TagKeys.Device)}";
        var result = (await _client.QueryAsync($"{probeQuery}; {beatQuery}", "ns", cancellationToken).ConfigureAwait(false)).EnsureSuccess();

        var probes = new Dictionary<string, List<ProbeSample>>(StringComparer.Ordinal);
        var beats = new Dictionary<string, List<DeviceHeartbeat>>(StringComparer.Ordinal);
        if (result.Statements.Count > 0)
        {
            foreach (var series in result.Statements[0].Series)
            {
                ReadProbes(series, probes);
            }
        }

        if (result.Statements.Count > 1)
        {
            foreach (var series in result.Statements[1].Series)
            {
                ReadHeartbeats(series, beats);
            }
        }

        var bySchool = new Dictionary<string, SiteMeasurements>(StringComparer.Ordinal);
        foreach (var school in probes.Keys.Union(beats.Keys))
        {
            bySchool[school] = new SiteMeasurements(
                [.. probes.GetValueOrDefault(school, []).OrderBy(p => p.Time)],
                [.. beats.GetValueOrDefault(school, []).OrderBy(b => b.Time)]);
        }

        return new MeasurementSet(start, until, bySchool);
    }

    private void ReadProbes(InfluxSeries series, Dictionary<string, List<ProbeSample>> into)
    {
        var school = series.Tags.GetValueOrDefault(TagKeys.School) ?? "";
        var device = series.Tags.GetValueOrDefault(TagKeys.Device) ?? "";
        for (var row = 0; row < series.Values.Count; row++)
        {
            var time = series.GetInt64(row, "time");
            var down = series.GetDouble(row, "down_bps");
            var up = series.GetDouble(row, "up_bps");
            if (time is null || (down is null && up is null) || down is < 0 || up is < 0 || (down is { } d && !double.IsFinite(d)) || (up is { } u && !double.IsFinite(u)))
            {
                _logger.ProbeRowSkipped(school, $"row {row}: no time, no rate or a negative or non-finite rate");
                continue;
            }

            if (!into.TryGetValue(school, out var list))
            {
                list = [];
                into[school] = list;
            }

            list.Add(new ProbeSample(DateTimeOffset.FromUnixTimeMilliseconds(time.Value / 1_000_000), device, series.GetString(row, "method") ?? "", down / 1e6, up / 1e6, series.GetDouble(row, "link_speed_mbps")));
        }
    }

    private static void ReadHeartbeats(InfluxSeries series, Dictionary<string, List<DeviceHeartbeat>> into)
    {
        var school = series.Tags.GetValueOrDefault(TagKeys.School) ?? "";
        var device = series.Tags.GetValueOrDefault(TagKeys.Device) ?? "";
        for (var row = 0; row < series.Values.Count; row++)
        {
            if (series.GetInt64(row, "time") is { } time && series.GetInt64(row, "count") is > 0)
            {
                if (!into.TryGetValue(school, out var list))
                {
                    list = [];
                    into[school] = list;
                }

                // The day bucket starts at local midnight; mark the device seen at noon of that day.
                list.Add(new DeviceHeartbeat(DateTimeOffset.FromUnixTimeMilliseconds(time / 1_000_000).AddHours(12), device, true));
            }
        }
    }

    private static string Tag(string key) => InfluxQl.QuoteIdentifier(key);

    private static string Nanos(DateTimeOffset instant) => (instant.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
}
