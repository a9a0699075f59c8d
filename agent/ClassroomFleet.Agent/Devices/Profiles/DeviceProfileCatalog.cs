using ClassroomFleet.Agent.School;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>The device profiles in force, and the effective profile of a device (its profile with its overrides).</summary>
public sealed class DeviceProfileCatalog
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, DeviceProfile> _byName;
    private readonly Dictionary<string, DeviceProfile> _defaultByKind = new(StringComparer.Ordinal);

    public DeviceProfileCatalog(IReadOnlyList<DeviceProfile> profiles)
    {
        _byName = new Dictionary<string, DeviceProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            _byName[profile.Name] = profile;
            foreach (var kind in profile.Kinds)
            {
                _defaultByKind.TryAdd(kind, profile);
            }
        }
    }

    public IReadOnlyCollection<DeviceProfile> Profiles => _byName.Values;

    public static DeviceProfileCatalog BuiltIn { get; } = new(Parse(BuiltInProfiles.Yaml, "built-in profiles"));

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The device's profile with the device's overrides applied.</summary>
    public DeviceProfile Resolve(DeviceEntry device)
    {
        DeviceProfile? profile;
        if (device.Profile is { } name)
        {
            profile = _byName.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"device {device.Id}: profile '{name}' does not exist");
        }
        else
        {
            profile = _defaultByKind.GetValueOrDefault(device.Kind)
                ?? throw new InvalidOperationException($"device {device.Id}: no profile serves kind '{device.Kind}'");
        }

        return device.Overrides is { } overrides ? Apply(profile, overrides) : profile;
    }

    /// <summary>Reads a YAML list of profiles; a bad profile is a <see cref="DeviceProfileException"/> naming it.</summary>
    public static IReadOnlyList<DeviceProfile> Parse(string yaml, string source)
    {
        List<ProfileDocument>? documents;
        try
        {
            documents = Deserializer.Deserialize<List<ProfileDocument>>(yaml);
        }
        catch (YamlException ex)
        {
            throw new DeviceProfileException($"{source}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        return (documents ?? []).Select((d, i) => d.ToProfile($"{source}: profiles[{i}]")).ToList();
    }

    private static DeviceProfile Apply(DeviceProfile profile, ProfileOverrides overrides) => profile with
    {
        Timeout = overrides.Timeout is { } timeout && DurationText.TryParse(timeout, out var t) ? t : profile.Timeout,
        Pacing = overrides.Pacing is { } pacing && DurationText.TryParse(pacing, out var p) ? p : profile.Pacing,
        MaxRepetitions = overrides.MaxRepetitions ?? profile.MaxRepetitions,
        Budget = overrides.Budget is { } budget && DurationText.TryParse(budget, out var b) ? b : profile.Budget,
        PjLinkCommands = overrides.Commands ?? profile.PjLinkCommands,
    };
}
