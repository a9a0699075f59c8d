using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.Agent.School;

/// <summary>Maps a field path such as <c>devices[2].snmp.credential</c> to the line it stands on in the YAML text.</summary>
internal sealed class YamlLineIndex
{
    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);

    public static YamlLineIndex Build(string yaml)
    {
        var index = new YamlLineIndex();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return index;
        }

        if (stream.Documents.Count > 0)
        {
            index.Walk(stream.Documents[0].RootNode, "");
        }

        return index;
    }

    /// <summary>The line of the field, or of its nearest parent that has one; 0 when unknown.</summary>
    public long LineOf(string field)
    {
        for (var path = field; path.Length > 0; path = Parent(path))
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }
        }

        return 0;
    }

    private void Walk(YamlNode node, string path)
    {
        if (path.Length > 0)
        {
            _lines.TryAdd(path, node.Start.Line);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    _lines.TryAdd(child, key.Start.Line);
                    Walk(value, child);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
