using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>Reads a county facts YAML file (schema classroomfleet.county/v1) into <see cref="CountyFacts"/>.</summary>
public static class CountyFactsParser
{
    public const string Schema = "classroomfleet.county/v1";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static CountyFacts Parse(string yaml, string fileName)
    {
        CountyDocument document;
        try
        {
            document = Deserializer.Deserialize<CountyDocument>(yaml) ?? new CountyDocument();
        }
        catch (YamlException e)
        {
            throw new CountyFactsLoadException($"{fileName}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var errors = new List<string>();
        if (document.Schema != Schema)
        {
            errors.Add($"schema must be {Schema}");
        }

        if (document.County is not { Code.Length: 6, Name: not null, Calendar: not null } header)
        {
            throw new CountyFactsLoadException($"{fileName}: county.code (6 digits), county.name and county.calendar are required");
        }

        var sites = document.Sites.Select((s, i) => Site(s, $"sites[{i}] {s.Id}", errors)).ToList();
        foreach (var duplicate in sites.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"site id '{duplicate.Key}' appears {duplicate.Count()} times");
        }

        if (errors.Count > 0)
        {
            throw new CountyFactsLoadException($"{fileName}: {string.Join("; ", errors)}");
        }

        return new CountyFacts(header.Code!, header.Name!, header.Calendar!, sites);
    }

    private static SiteFacts Site(SiteDocument s, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(s.Id))
        {
            errors.Add($"{where}: id is required");
        }

        CheckVocabulary(s, where, errors);

        return new SiteFacts
        {
            Id = s.Id ?? "",
            Name = s.Name ?? s.Id ?? "",
            Kind = s.Kind switch
            {
                "school" => SiteKind.School,
                "teaching_point" => SiteKind.TeachingPoint,
                _ => Error(SiteKind.School, $"{where}: kind must be school or teaching_point", errors),
            },
            TelemetrySchool = s.TelemetrySchool ?? "",
            ProbeDevices = s.ProbeDevices,
            UrbanRuralCode = s.UrbanRuralCode,
            UrbanRuralCodeYear = s.UrbanRuralCodeYear,
            Stage = s.Stage,
            Ownership = s.Ownership ?? "public",
            Tags = s.Tags,
            HasItCourse = s.HasItCourse ?? true,
            ParentSchool = s.ParentSchool,
            SharedUplink = s.SharedUplink,
            Classes = Count(s.Classes, $"{where}.classes", errors),
            Teachers = Count(s.Teachers, $"{where}.teachers", errors),
            Students = Count(s.Students, $"{where}.students", errors),
            Uplinks = [.. s.Uplinks.Select((u, i) => Uplink(u, $"{where}.uplinks[{i}]", errors))],
            Rooms = [.. s.Rooms.SelectMany(r => Expand(r.Count, n => new RoomFacts(Fill(r.Id, n), r.Type ?? "", r.InUse, r.ExclusionReason, r.WiredPorts)))],
            Devices = [.. s.Devices.SelectMany(d => Expand(d.Count, n => new DeviceFacts(Fill(d.Id, n), d.Class ?? "", d.Room is null ? null : Fill(d.Room, n), d.Broken)))],
            ClassList = [.. s.ClassList.SelectMany(c => Expand(c.Count, n => new ClassFacts(Fill(c.Id, n), c.Size, c.HomeRoom is null ? null : Fill(c.HomeRoom, n), [.. c.Labs.Select(l => Fill(l, n))])))],
            ClassListAsOf = ClassListDate(s, where, errors),
            ClassListSource = s.ClassListSource,
        };
    }

    private static DateOnly? ClassListDate(SiteDocument s, string where, List<string> errors)
    {
        if (s.ClassListAsOf is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(s.ClassListAsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) || string.IsNullOrWhiteSpace(s.ClassListSource))
        {
            errors.Add($"{where}.class_list_as_of: needs a date (yyyy-MM-dd) and class_list_source");
            return null;
        }

        return asOf;
    }

    /// <summary>Device classes, room types, stages and urban-rural codes must come from the shared vocabulary.</summary>
    private static void CheckVocabulary(SiteDocument s, string where, List<string> errors)
    {
        foreach (var room in s.Rooms.Where(r => r.Type is null || !InventoryVocabulary.RoomTypes.ContainsKey(r.Type)))
        {
            errors.Add($"{where}: room {room.Id}: unknown room type '{room.Type}' (known: {string.Join(", ", InventoryVocabulary.RoomTypes.Keys)})");
        }

        foreach (var device in s.Devices.Where(d => d.Class is null || !InventoryVocabulary.DeviceClasses.ContainsKey(d.Class)))
        {
            errors.Add($"{where}: device {device.Id}: unknown device class '{device.Class}' (known: {string.Join(", ", InventoryVocabulary.DeviceClasses.Keys)})");
        }

        if (s.Stage is { } stage && !InventoryVocabulary.Stages.ContainsKey(stage))
        {
            errors.Add($"{where}: unknown stage '{stage}' (known: {string.Join(", ", InventoryVocabulary.Stages.Keys)})");
        }

        if (s.UrbanRuralCode is { } code && !InventoryVocabulary.UrbanRuralCodes.ContainsKey(code))
        {
            errors.Add($"{where}: urban_rural_code '{code}' is not an NBS class code (known: {string.Join(", ", InventoryVocabulary.UrbanRuralCodes.Keys)})");
        }

        if (s.UrbanRuralCodeYear is < 2000 or > 2100)
        {
            errors.Add($"{where}: urban_rural_code_year {s.UrbanRuralCodeYear} is not a year");
        }
    }

    private static RegistryCount? Count(CountDocument? c, string where, List<string> errors)
    {
        if (c is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(c.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) || string.IsNullOrWhiteSpace(c.Source) || c.Value < 0)
        {
            errors.Add($"{where}: needs value >= 0, as_of (yyyy-MM-dd) and source");
            return null;
        }

        return new RegistryCount(c.Value, asOf, c.Source);
    }

    private static UplinkContract Uplink(UplinkDocument u, string where, List<string> errors)
    {
        if (!DateOnly.TryParseExact(u.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) || string.IsNullOrWhiteSpace(u.Source) || u.DownMbps <= 0 || u.UpMbps <= 0)
        {
            errors.Add($"{where}: needs down_mbps > 0, up_mbps > 0, as_of and source");
        }

        var role = u.Role switch
        {
            "primary" or null => UplinkRole.Primary,
            "balanced" => UplinkRole.Balanced,
            "standby" => UplinkRole.Standby,
            _ => Error(UplinkRole.Primary, $"{where}: role must be primary, balanced or standby", errors),
        };
        var reach = u.Reach switch
        {
            "internet" or null => UplinkReach.Internet,
            "metro" => UplinkReach.Metro,
            _ => Error(UplinkReach.Internet, $"{where}: reach must be internet or metro", errors),
        };
        return new UplinkContract(u.Id ?? "line", u.DownMbps, u.UpMbps, role, reach, asOf, u.Source ?? "");
    }

    private static IEnumerable<T> Expand<T>(int count, Func<int, T> make) => Enumerable.Range(1, Math.Max(count, 1)).Select(make);

    private static string Fill(string? template, int n) => (template ?? "").Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static T Error<T>(T fallback, string error, List<string> errors)
    {
        errors.Add(error);
        return fallback;
    }
}
