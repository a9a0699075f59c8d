using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>
/// provisioning/grafana/alerting: the policies route each rule's alerts to the receivers meant for its labels, every
/// receiver exists, and each contact point carries settings Grafana accepts (no Grafana server runs here, so this is
/// Grafana's routing and validation rules applied to the files).
/// </summary>
public sealed partial class GrafanaAlertRoutingTests
{
    private const string SchoolRobot = "it-centre-wecom";
    private const string CountyRobot = "county-dingtalk";
    private const string Ticketing = "ticketing-webhook";

    // The values Grafana's dingding and wecom notifiers know (grafana/alerting receivers/dinding, receivers/wecom).
    private static readonly string[] DingTalkMessageTypes = ["link", "actionCard"];
    private static readonly string[] WeComMessageTypes = ["markdown", "text"];

    private static readonly GrafanaRoute Policy = GrafanaRoute.Parse((YamlMappingNode)((YamlSequenceNode)Load("policies.yaml")["policies"])[0]);

    [Fact]
    public void Every_Receiver_The_Policies_Name_Is_A_Contact_Point()
    {
        var contactPoints = ContactPoints().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(Policy.Receivers(), r => Assert.Contains(r, contactPoints));
    }

    [Fact]
    public void Each_Rule_Reaches_The_Robot_Of_Its_Audience_And_A_Critical_One_Also_The_Ticketing_Webhook()
    {
        var rules = Rules();
        Assert.NotEmpty(rules);
        foreach (var (uid, labels) in rules)
        {
            Assert.True(labels.TryGetValue("audience", out var audience) && audience is "school" or "county", $"rule {uid} has no audience label school or county");
            Assert.True(labels.ContainsKey("severity"), $"rule {uid} has no severity label");
            Assert.Equal(Intended(labels), Policy.Route(labels));
        }
    }

    [Theory]
    [InlineData("critical", "school", new[] { Ticketing, SchoolRobot })]
    [InlineData("critical", "county", new[] { Ticketing, CountyRobot })]
    [InlineData("warning", "school", new[] { SchoolRobot })]
    [InlineData("warning", "county", new[] { CountyRobot })]
    // A matching child (even one that continues) takes the alert from its parent: the root receiver gets only the rest.
    [InlineData("critical", null, new[] { Ticketing })]
    [InlineData("info", null, new[] { SchoolRobot })]
    public void Alerts_Are_Routed_By_Severity_And_Audience(string severity, string? audience, string[] expected)
    {
        var labels = new Dictionary<string, string> { ["severity"] = severity, ["alertname"] = "x", ["school"] = "4141032301" };
        if (audience is not null)
        {
            labels["audience"] = audience;
        }

        Assert.Equal(expected, Policy.Route(labels));
    }

    [Fact]
    public void Matcher_Operators_Are_Quoted_For_Yaml_1_1_Parsers()
    {
        static IEnumerable<GrafanaMatcher> All(GrafanaRoute route) => route.Matchers.Concat(route.Routes.SelectMany(All));

        Assert.NotEmpty(All(Policy));
        Assert.All(All(Policy), m => Assert.True(m.OperatorQuoted, $"the operator of [{m.Label}, {m.Operator}, {m.Value}] is not quoted"));
    }

    [Fact]
    public void Contact_Points_Carry_Settings_Grafana_Accepts()
    {
        var receivers = ContactPoints().SelectMany(c => c.Receivers).ToList();
        Assert.Contains(receivers, r => r.Type == "dingding");
        Assert.Contains(receivers, r => r.Type == "wecom");
        Assert.Contains(receivers, r => r.Type == "webhook");
        foreach (var (type, settings) in receivers)
        {
            Assert.True(settings.TryGetValue("url", out var url) && url.Length > 0, $"{type} has no url");
            switch (type)
            {
                case "dingding":
                    Assert.Contains(settings.GetValueOrDefault("msgType", "link"), DingTalkMessageTypes);
                    break;
                case "wecom":
                    Assert.Contains(settings.GetValueOrDefault("msgtype", "markdown"), WeComMessageTypes);
                    break;
            }
        }
    }

    [Fact]
    public void Contact_Point_Urls_Come_From_Variables_That_Compose_Requires_And_Passes_To_Grafana_And_The_Example_Lists()
    {
        var grafana = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)LoadFile(RepositoryPaths.Of("docker-compose.yml"))["services"])["grafana"])["environment"];
        var example = File.ReadAllLines(RepositoryPaths.Of(".env.example"));
        foreach (var (type, settings) in ContactPoints().SelectMany(c => c.Receivers))
        {
            var placeholder = EnvPlaceholder().Match(settings["url"]);
            Assert.True(placeholder.Success, $"the url of {type} is not a ${{VARIABLE}}: the token must not be in the file");
            var variable = placeholder.Groups[1].Value;
            Assert.True(grafana.Children.TryGetValue(variable, out var passed), $"docker-compose.yml does not pass {variable} to grafana");
            Assert.StartsWith($"${{{variable}:?", ((YamlScalarNode)passed).Value, StringComparison.Ordinal);
            Assert.Contains($"{variable}=", example);
        }
    }

    private static string[] Intended(Dictionary<string, string> labels)
    {
        var audience = labels["audience"] == "school" ? SchoolRobot : CountyRobot;
        return labels["severity"] == "critical" ? [Ticketing, audience] : [audience];
    }

    private static List<(string Name, List<(string Type, Dictionary<string, string> Settings)> Receivers)> ContactPoints() =>
        [.. ((YamlSequenceNode)Load("contact-points.yaml")["contactPoints"]).Cast<YamlMappingNode>().Select(point => (
            ((YamlScalarNode)point["name"]).Value!,
            ((YamlSequenceNode)point["receivers"]).Cast<YamlMappingNode>().Select(r => (
                ((YamlScalarNode)r["type"]).Value!,
                ((YamlMappingNode)r["settings"]).Children.ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => ((YamlScalarNode)s.Value).Value ?? "", StringComparer.Ordinal)))
            .ToList()))];

    private static List<(string Uid, Dictionary<string, string> Labels)> Rules() =>
        [.. ((YamlSequenceNode)Load("rules.yaml")["groups"]).Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>())
            .Select(r => (
                ((YamlScalarNode)r["uid"]).Value!,
                r.Children.TryGetValue("labels", out var labels)
                    ? ((YamlMappingNode)labels).Children.ToDictionary(l => ((YamlScalarNode)l.Key).Value!, l => ((YamlScalarNode)l.Value).Value ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal)))];

    private static YamlMappingNode Load(string alertingFile) => LoadFile(RepositoryPaths.Of("provisioning", "grafana", "alerting", alertingFile));

    private static YamlMappingNode LoadFile(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\$\{([A-Z][A-Z0-9_]*)\}$")]
    private static partial Regex EnvPlaceholder();
}
