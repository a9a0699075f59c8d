using YamlDotNet.RepresentationModel;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>The services of docker-compose.yml built from a Dockerfile of the repository, and where named volumes mount in them.</summary>
internal static class ComposeImages
{
    public static IReadOnlyList<(string Service, string Dockerfile, IReadOnlyList<string> NamedVolumeTargets)> Built()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryPaths.Of("docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var named = root.Children.TryGetValue("volumes", out var volumes)
            ? ((YamlMappingNode)volumes).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal)
            : [];
        var images = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var (key, value) in (YamlMappingNode)root["services"])
        {
            var service = (YamlMappingNode)value;
            if (!service.Children.TryGetValue("build", out var build))
            {
                continue;
            }

            var context = ((YamlScalarNode)((YamlMappingNode)build)["context"]).Value!;
            var dockerfile = Path.Combine(context, ((YamlScalarNode)((YamlMappingNode)build)["dockerfile"]).Value!);
            var targets = service.Children.TryGetValue("volumes", out var mounts)
                ? ((YamlSequenceNode)mounts).Select(m => ((YamlScalarNode)m).Value!.Split(':'))
                    .Where(parts => parts.Length >= 2 && named.Contains(parts[0]))
                    .Select(parts => parts[1])
                    .ToList()
                : [];
            images.Add((((YamlScalarNode)key).Value!, dockerfile, targets));
        }

        return images;
    }
}
