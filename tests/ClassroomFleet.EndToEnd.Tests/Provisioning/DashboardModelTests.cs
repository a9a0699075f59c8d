using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>The Grafana dashboard model checks that need no Grafana: schema version, unique panel ids, the provisioned
/// datasource, template variables defined before use, and one dashboard per audience.</summary>
public sealed partial class DashboardModelTests
{
    private static string[] DashboardFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.Of("dashboards"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static TheoryData<string> Dashboards() => new(DashboardFiles());

    private static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("dashboards", name))).RootElement;

    private static string ProvisionedDatasourceUid()
    {
        var yaml = File.ReadAllText(RepositoryPaths.Of("provisioning", "grafana", "datasources", "influxdb.yaml"));
        return UidLine().Match(yaml).Groups[1].Value;
    }

    [Fact]
    public void Every_Audience_Has_Its_Dashboard()
    {
        var titles = DashboardFiles().Select(d => Load(d).GetProperty("title").GetString()!).ToList();
        foreach (var expected in new[] { "County overview", "School detail", "Device health", "Bandwidth audit", "Cabinet", "Agents" })
        {
            Assert.Contains(titles, t => t.EndsWith(expected, StringComparison.Ordinal));
        }

        Assert.All(titles, t => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}+.* / [A-Z]", t));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void The_Model_Is_Consistent(string name)
    {
        var dashboard = Load(name);
        Assert.True(dashboard.GetProperty("schemaVersion").GetInt32() >= 36);
        Assert.False(string.IsNullOrEmpty(dashboard.GetProperty("uid").GetString()));

        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        var ids = panels.Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var uid = ProvisionedDatasourceUid();
        var defined = new List<string>();
        foreach (var variable in dashboard.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            // A variable's own query may use only the variables defined before it.
            AssertUsesOnly(variable.GetProperty("query").GetString()!, defined);
            defined.Add(variable.GetProperty("name").GetString()!);
        }

        foreach (var panel in panels)
        {
            Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                Assert.Equal(uid, target.GetProperty("datasource").GetProperty("uid").GetString());
                AssertUsesOnly(target.GetProperty("query").GetString()!, defined);
            }
        }
    }

    private static readonly HashSet<string> BuiltIns = ["timeFilter", "__interval", "__interval_ms", "__from", "__to"];

    private static void AssertUsesOnly(string query, List<string> defined)
    {
        foreach (Match use in VariableUse().Matches(query))
        {
            var name = use.Groups[1].Value;
            Assert.True(BuiltIns.Contains(name) || defined.Contains(name), $"'{name}' is used before it is defined in: {query}");
        }
    }

    [GeneratedRegex(@"uid:\s*(\S+)")]
    private static partial Regex UidLine();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex VariableUse();
}
