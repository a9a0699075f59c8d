using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>Reads every InfluxQL query out of dashboards/*.json and provisioning/grafana/alerting/rules.yaml.</summary>
public static class GrafanaQueryCatalog
{
    public static IReadOnlyList<GrafanaDashboard> Dashboards() =>
        [.. Directory.GetFiles(RepositoryPaths.Of("dashboards"), "*.json").Order(StringComparer.Ordinal).Select(LoadDashboard)];

    public static IReadOnlyList<GrafanaQuery> AlertQueries()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryPaths.Of("provisioning", "grafana", "alerting", "rules.yaml")))
        {
            yaml.Load(reader);
        }

        var queries = new List<GrafanaQuery>();
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var group in (YamlSequenceNode)root["groups"])
        {
            foreach (var rule in (YamlSequenceNode)((YamlMappingNode)group)["rules"])
            {
                var uid = Scalar(rule, "uid");
                foreach (var step in (YamlSequenceNode)((YamlMappingNode)rule)["data"])
                {
                    var datasource = Scalar(step, "datasourceUid");
                    if (datasource == "__expr__")
                    {
                        continue;
                    }

                    var model = (YamlMappingNode)((YamlMappingNode)step)["model"];
                    var seconds = int.Parse(Scalar(((YamlMappingNode)step)["relativeTimeRange"], "from"), CultureInfo.InvariantCulture);
                    queries.Add(new GrafanaQuery($"alert {uid} {Scalar(step, "refId")}", datasource, Scalar(model, "query"), TimeSpan.FromSeconds(seconds)));
                }
            }
        }

        return queries;
    }

    private static GrafanaDashboard LoadDashboard(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var uid = root.GetProperty("uid").GetString()!;
        var range = RelativeRange(root.GetProperty("time").GetProperty("from").GetString()!);
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Select(v => new GrafanaVariable(
                v.GetProperty("name").GetString()!,
                v.GetProperty("query").GetString()!,
                v.TryGetProperty("includeAll", out var all) && all.GetBoolean(),
                v.TryGetProperty("allValue", out var allValue) ? allValue.GetString() : null))
            .ToList();
        var queries = new List<GrafanaQuery>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            var title = panel.GetProperty("title").GetString();
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                queries.Add(new GrafanaQuery(
                    $"{uid} panel {panel.GetProperty("id").GetInt32()} '{title}' {target.GetProperty("refId").GetString()}",
                    target.GetProperty("datasource").GetProperty("uid").GetString()!,
                    target.GetProperty("query").GetString()!,
                    range));
            }
        }

        return new GrafanaDashboard(uid, variables, queries);
    }

    /// <summary>Grafana's relative time "now-6h", "now-7d", "now-30m".</summary>
    public static TimeSpan RelativeRange(string from)
    {
        if (!from.StartsWith("now-", StringComparison.Ordinal) || from.Length < 6)
        {
            throw new FormatException($"'{from}' is not a relative time of the form now-<n><unit>");
        }

        var amount = int.Parse(from[4..^1], CultureInfo.InvariantCulture);
        return from[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => throw new FormatException($"'{from}': unit '{from[^1]}' is not m, h or d"),
        };
    }

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;
}
