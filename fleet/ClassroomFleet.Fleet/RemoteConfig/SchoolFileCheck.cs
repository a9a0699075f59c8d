using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// The fleet's first look at a pushed school file: YAML with a top-level mapping whose <c>county</c> and
/// <c>school</c> name the target. The full validation is the agent's (SchoolFileLoader), which reports refused_invalid.
/// </summary>
public static class SchoolFileCheck
{
    public static string? Problem(string yaml, string county, string school)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return "the school file is empty";
        }

        if (yaml.Length > 192 * 1024)
        {
            return "the school file is over 192 KiB (the signed document must fit in one 256 KiB MQTT message)";
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return "the school file must be one YAML mapping";
            }

            var fileCounty = Scalar(root, "county");
            var fileSchool = Scalar(root, "school");
            return fileCounty == county && fileSchool == school
                ? null
                : $"the school file names {fileCounty}/{fileSchool}, the target is {county}/{school}";
        }
        catch (YamlException ex)
        {
            return $"line {ex.Start.Line}: {ex.Message}";
        }
    }

    private static string? Scalar(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
