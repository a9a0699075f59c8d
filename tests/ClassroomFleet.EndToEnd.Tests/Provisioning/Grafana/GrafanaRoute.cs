using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>
/// A notification policy of provisioning/grafana/alerting/policies.yaml, routed the way Grafana's Alertmanager does: the
/// root takes every alert; the child routes are tried in order, an alert goes down each that matches, and the first match
/// ends the search unless that child says <c>continue: true</c>; when no child matches, the route's own receiver (or its
/// parent's, if it names none) gets the alert.
/// </summary>
public sealed record GrafanaRoute(string? Receiver, IReadOnlyList<GrafanaMatcher> Matchers, bool Continue, IReadOnlyList<GrafanaRoute> Routes)
{
    public static GrafanaRoute Parse(YamlMappingNode node)
    {
        foreach (var legacy in new[] { "match", "match_re", "matchers" })
        {
            Assert.False(node.Children.ContainsKey(legacy), $"policies.yaml uses '{legacy}'; the tests read object_matchers only");
        }

        var matchers = node.Children.TryGetValue("object_matchers", out var list)
            ? ((YamlSequenceNode)list).Select(m => GrafanaMatcher.Parse((YamlSequenceNode)m)).ToList()
            : [];
        var routes = node.Children.TryGetValue("routes", out var children)
            ? ((YamlSequenceNode)children).Select(r => Parse((YamlMappingNode)r)).ToList()
            : [];
        return new GrafanaRoute(
            Text(node, "receiver"),
            matchers,
            Text(node, "continue") is { } flag && bool.Parse(flag),
            routes);
    }

    /// <summary>Every receiver this route or a route under it names.</summary>
    public IEnumerable<string> Receivers() =>
        (Receiver is null ? [] : new[] { Receiver }).Concat(Routes.SelectMany(r => r.Receivers()));

    /// <summary>The receivers an alert with <paramref name="labels"/> reaches, in the order Grafana notifies them.</summary>
    public IReadOnlyList<string> Route(IReadOnlyDictionary<string, string> labels) => RouteFrom(Receiver!, labels);

    private List<string> RouteFrom(string inherited, IReadOnlyDictionary<string, string> labels)
    {
        var receiver = Receiver ?? inherited;
        var reached = new List<string>();
        foreach (var child in Routes)
        {
            if (!child.Matchers.All(m => m.Matches(labels)))
            {
                continue;
            }

            reached.AddRange(child.RouteFrom(receiver, labels));
            if (!child.Continue)
            {
                break;
            }
        }

        return reached.Count > 0 ? reached : [receiver];
    }

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;
}

/// <summary>One <c>[label, operator, value]</c> of object_matchers; a label the alert lacks compares as empty, as in Alertmanager.</summary>
public sealed record GrafanaMatcher(string Label, string Operator, string Value, bool OperatorQuoted)
{
    public static GrafanaMatcher Parse(YamlSequenceNode node)
    {
        Assert.Equal(3, node.Children.Count);
        var op = (YamlScalarNode)node[1];
        return new GrafanaMatcher(((YamlScalarNode)node[0]).Value!, op.Value!, ((YamlScalarNode)node[2]).Value!, op.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.TryGetValue(Label, out var value) ? value : "";
        return Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => Anchored().IsMatch(actual),
            "!~" => !Anchored().IsMatch(actual),
            _ => throw new InvalidOperationException($"unknown matcher operator '{Operator}' on {Label}"),
        };
    }

    private Regex Anchored() => new($"^(?:{Value})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
