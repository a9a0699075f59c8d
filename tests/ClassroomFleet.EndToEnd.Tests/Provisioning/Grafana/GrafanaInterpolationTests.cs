namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

public sealed class GrafanaInterpolationTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Values = new()
    {
        ["county"] = ["410323"],
        ["device"] = ["sw-core.1", "panel-1"],
    };

    [Fact]
    public void Time_Filter_Interval_And_Variables_Are_Replaced_As_Grafana_Does()
    {
        var query = "SELECT mean(x) FROM m WHERE \"county\" =~ /^$county$/ AND \"device\" =~ /^$device$/ AND $timeFilter GROUP BY time($__interval)";

        var text = GrafanaInterpolation.Apply(query, TimeSpan.FromHours(6), TimeSpan.FromSeconds(30), Values);

        Assert.Equal("SELECT mean(x) FROM m WHERE \"county\" =~ /^410323$/ AND \"device\" =~ /^(sw-core\\.1|panel-1)$/ AND time > now() - 21600s GROUP BY time(30s)", text);
    }

    [Fact]
    public void A_Variable_Set_To_All_With_A_Custom_All_Value_Is_Substituted_Unescaped()
    {
        var text = GrafanaInterpolation.Apply(
            "WHERE \"school\" =~ /^$school$/ AND \"device\" =~ /^$device$/", TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), Values, new Dictionary<string, string> { ["school"] = ".*" });

        Assert.Equal("WHERE \"school\" =~ /^.*$/ AND \"device\" =~ /^(sw-core\\.1|panel-1)$/", text);
    }

    [Theory]
    [InlineData(6 * 3600, 30, 30)]
    [InlineData(7 * 86400, 30, 900)]
    [InlineData(900, 1, 1)]
    public void The_Interval_Follows_The_Range_And_The_Datasource_Minimum(int rangeSeconds, int minimumSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), GrafanaInterpolation.Interval(TimeSpan.FromSeconds(rangeSeconds), TimeSpan.FromSeconds(minimumSeconds)));

    [Fact]
    public void An_Unknown_Variable_Is_An_Error_Not_A_Silent_Empty_Match() =>
        Assert.Throws<InvalidOperationException>(() => GrafanaInterpolation.Apply("WHERE s =~ /^$school$/", TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), Values));

    [Fact]
    public void Every_Dashboard_And_Alert_Rule_Yields_Queries_With_A_Range()
    {
        var dashboards = GrafanaQueryCatalog.Dashboards();
        Assert.Equal(6, dashboards.Count);
        Assert.All(dashboards, d => Assert.NotEmpty(d.Queries));
        var alerts = GrafanaQueryCatalog.AlertQueries();
        Assert.Equal(6, alerts.Select(a => a.Source.Split(' ')[1]).Distinct().Count());
        Assert.All(alerts.Concat(dashboards.SelectMany(d => d.Queries)), q => Assert.True(q.Range > TimeSpan.Zero, q.Source));
        Assert.All(alerts, q => Assert.Equal("cf-influxdb", q.DatasourceUid));
    }
}
