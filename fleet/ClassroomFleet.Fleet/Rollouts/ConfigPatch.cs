using System.Text.Json.Serialization;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>
/// A change applied to each target school's current school file during a rollout: set the poll interval of every
/// device of a kind (e.g. every switch to 60s). The YAML is re-emitted, so comments in the file are not kept.
/// </summary>
public sealed record ConfigPatch(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("interval")] string Interval)
{
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            return "patch.kind is required";
        }

        return string.IsNullOrWhiteSpace(Interval) || !char.IsAsciiDigit(Interval[0]) ? "patch.interval must be a duration such as 60s" : null;
    }

    /// <summary>The patched file, and how many devices it changed.</summary>
    public (string Yaml, int Changed) Apply(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var changed = 0;
        if (root.Children.TryGetValue(new YamlScalarNode("devices"), out var devices) && devices is YamlSequenceNode list)
        {
            foreach (var device in list.Children.OfType<YamlMappingNode>())
            {
                if (device.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind is YamlScalarNode { Value: var value } && value == Kind)
                {
                    device.Children[new YamlScalarNode("interval")] = new YamlScalarNode(Interval);
                    changed++;
                }
            }
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return (writer.ToString(), changed);
    }
}
