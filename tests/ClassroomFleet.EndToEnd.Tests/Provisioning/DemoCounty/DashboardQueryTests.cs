using System.Text.Json;
using ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;
using ClassroomFleet.Influx.Http;
using Xunit.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.DemoCounty;

/// <summary>
/// Grafana cannot run here, so every panel and alert query runs against influxd filled by the real pipeline on the demo
/// county, interpolated as Grafana would: the template variables are resolved by their own queries (county, then school
/// and device with "All"), and a query that errors or returns no series fails the test. Alert queries must also yield
/// numbers, since Grafana's alert expressions reduce nothing else.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[Trait("requires", "snmpsim")]
public sealed class DashboardQueryTests(DemoCountyPipeline county, ITestOutputHelper output) : IClassFixture<DemoCountyPipeline>
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_Panel_Query_Returns_Series_With_The_Variables_Resolved_As_Grafana_Does()
    {
        var failures = new List<string>();
        foreach (var dashboard in GrafanaQueryCatalog.Dashboards())
        {
            var resolved = await ResolveVariablesAsync(dashboard, failures);
            if (resolved is not var (values, allValues))
            {
                continue;
            }

            foreach (var query in dashboard.Queries)
            {
                var text = GrafanaInterpolation.Apply(query.Text, query.Range, MinimumInterval, values, allValues);
                var (series, error) = await RunAsync(text);
                output.WriteLine($"{query.Source}: {series.Count} series{(error is null ? "" : " — " + error)}");
                if (error is not null || series.Count == 0)
                {
                    failures.Add($"{query.Source}: {error ?? "no series"}\n    {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Panels that would be empty or broken in Grafana:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_Alert_Query_Returns_Numbers_For_Grafanas_Expressions()
    {
        var failures = new List<string>();
        foreach (var query in GrafanaQueryCatalog.AlertQueries())
        {
            var text = GrafanaInterpolation.Apply(query.Text, query.Range, MinimumInterval, new Dictionary<string, IReadOnlyList<string>>());
            var (series, error) = await RunAsync(text);
            output.WriteLine($"{query.Source}: {series.Count} series{(error is null ? "" : " — " + error)}");
            if (error is not null || series.Count == 0)
            {
                failures.Add($"{query.Source}: {error ?? "no series"}\n    {text}");
                continue;
            }

            var kinds = series.SelectMany(s => s.Values.SelectMany(row => row.Skip(1))).Select(cell => cell.ValueKind).Where(k => k != JsonValueKind.Null).Distinct().ToList();
            if (kinds is not [JsonValueKind.Number])
            {
                failures.Add($"{query.Source}: values are [{string.Join(", ", kinds)}], not only numbers\n    {text}");
            }
        }

        Assert.True(failures.Count == 0, "Alert queries Grafana could not evaluate:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task The_County_Audit_Judged_The_Sites_From_The_Pipelines_Data()
    {
        var (series, error) = await RunAsync("SELECT last(\"state\") AS \"state\", last(\"value\") AS \"value\" FROM \"compliance\" WHERE \"rule\" =~ /^ly15-265\\.net\\.bw/ GROUP BY \"school\", \"rule\"");
        Assert.Null(error);
        var states = series.ToDictionary(s => (s.Tags["school"], s.Tags["rule"]), s => s.GetString(0, "state"));
        foreach (var (key, state) in states)
        {
            output.WriteLine($"{key}: {state}");
        }

        // Replayed probes: the urban school's line delivers 92 % of 1000 Mbit/s for 24 classes, the rural school's 35 %
        // of 100 Mbit/s for 10 classes (3.9 per class once the 0.9 tolerance is applied), the teaching point 92 % of 20 Mbit/s; the fourth site's agent
        // never reported.
        Assert.Equal("PASS", states[("4141032301", "ly15-265.net.bw-per-class.urban")]);
        Assert.Equal("FAIL", states[("4141032302", "ly15-265.net.bw-per-class.rural")]);
        Assert.Equal("PASS", states[("4141032303", "ly15-265.net.bw.teaching-point")]);
        Assert.Equal("UNKNOWN", states[("4141032304", "ly15-265.net.bw-per-class.rural")]);
    }

    [Fact]
    public async Task The_County_Dashboard_With_All_Schools_Counts_Every_Judged_Site_Even_One_Without_Devices()
    {
        var dashboard = GrafanaQueryCatalog.Dashboards().Single(d => d.Uid == "cf-county");
        var failures = new List<string>();
        var (values, allValues) = await ResolveVariablesAsync(dashboard, failures) ?? throw new InvalidOperationException(string.Join('\n', failures));
        var byRule = dashboard.Queries.Single(q => q.Source.Contains("'各规则达标情况 / Compliance by rule'", StringComparison.Ordinal));

        var (series, error) = await RunAsync(GrafanaInterpolation.Apply(byRule.Text, byRule.Range, MinimumInterval, values, allValues));

        Assert.Null(error);
        // Both rural sites are judged on the rural rule: 4141032302 FAIL, and 4141032304, whose agent never reported and
        // which therefore has no device series for the school variable's options to list, UNKNOWN.
        var rural = Assert.Single(series, s => s.Tags.GetValueOrDefault("rule") == "ly15-265.net.bw-per-class.rural");
        Assert.Equal(1, rural.GetDouble(0, "未达标"));
        Assert.Equal(1, rural.GetDouble(0, "无法判定"));
    }

    private async Task<(Dictionary<string, IReadOnlyList<string>> Values, Dictionary<string, string> AllValues)?> ResolveVariablesAsync(GrafanaDashboard dashboard, List<string> failures)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var allValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables)
        {
            var text = GrafanaInterpolation.Apply(variable.Query, TimeSpan.FromHours(6), MinimumInterval, values, allValues);
            var (series, error) = await RunAsync(text);
            var options = series.SelectMany(s => s.Values.Select(row => row[s.ColumnIndex("value")].GetString()!)).Distinct().ToList();
            if (error is not null || options.Count == 0)
            {
                failures.Add($"{dashboard.Uid} variable ${variable.Name}: {error ?? "no values"}\n    {text}");
                return null;
            }

            // The first option of a single-value variable (the county), every option of a multi-value one ("All").
            values[variable.Name] = variable.IncludeAll ? options : [options[0]];
            if (variable.IncludeAll && variable.AllValue is { } all)
            {
                allValues[variable.Name] = all;
            }

            if (variable.Name == "county")
            {
                Assert.Equal(DemoCountyPipeline.County, options[0]);
            }
        }

        return (values, allValues);
    }

    private async Task<(IReadOnlyList<InfluxSeries> Series, string? Error)> RunAsync(string query)
    {
        var result = await county.Influx.QueryAsync(query, CancellationToken.None);
        return result.FirstError is { } error ? ([], error) : (result.Series, null);
    }
}
