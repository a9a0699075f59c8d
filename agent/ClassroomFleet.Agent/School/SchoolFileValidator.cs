using ClassroomFleet.Contracts.Identifiers;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Checks a school file's content. The same validator runs on a local file and on a configuration pushed by the fleet.
/// Field paths use the file's own names (<c>devices[0].address</c>).
/// </summary>
public static class SchoolFileValidator
{
    public const string SchemaV1 = "classroomfleet.school/v1";

    private static readonly HashSet<string> Categories = ["urban", "rural", "teaching_point"];
    private static readonly HashSet<string> RoomTypes = ["ordinary", "functional", "pe_music_art", "computer_lab", "recording", "office", "network", "other"];
    private static readonly HashSet<string> DeviceKinds = ["switch", "panel", "projector", "recorder", "pc", "teacher_pc", "student_pc", "probe", "cabinet", "access_point"];

    public static IReadOnlyList<SchoolFileError> Validate(SchoolFile file)
    {
        var errors = new List<SchoolFileError>();
        void Error(string field, string message) => errors.Add(new SchoolFileError(0, field, message));

        if (file.Schema != SchemaV1)
        {
            Error("schema", $"must be '{SchemaV1}'");
        }

        if (!ContractIdentifiers.IsCountyCode(file.County))
        {
            Error("county", "must be the 6-digit administrative division code, e.g. 410323");
        }

        if (!ContractIdentifiers.IsSchoolCode(file.School))
        {
            Error("school", "must be the 10-digit national school identification code (学校标识码)");
        }

        if (string.IsNullOrWhiteSpace(file.Name))
        {
            Error("name", "is required");
        }

        if (!Categories.Contains(file.Category))
        {
            Error("category", $"must be one of {string.Join(", ", Categories)}");
        }

        if (file.UrbanRuralCode is { } code)
        {
            ValidateUrbanRuralCode(file.Category, code, Error);
        }

        ValidateHeadCount(file.Classes, "classes", Error);
        ValidateHeadCount(file.Teachers, "teachers", Error);
        ValidateHeadCount(file.Students, "students", Error);

        var roomIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Rooms.Count; i++)
        {
            var room = file.Rooms[i];
            if (string.IsNullOrWhiteSpace(room.Id) || !roomIds.Add(room.Id))
            {
                Error($"rooms[{i}].id", string.IsNullOrWhiteSpace(room.Id) ? "is required" : $"'{room.Id}' is used twice");
            }

            if (!RoomTypes.Contains(room.Type))
            {
                Error($"rooms[{i}].type", $"must be one of {string.Join(", ", RoomTypes)}");
            }
        }

        var deviceIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Devices.Count; i++)
        {
            ValidateDevice(file.Devices[i], $"devices[{i}]", roomIds, deviceIds, Error);
        }

        var switches = file.Devices.Where(d => d.Kind == "switch").Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < file.Devices.Count; i++)
        {
            if (file.Devices[i].Switch is { } name && !switches.Contains(name))
            {
                Error($"devices[{i}].switch", $"'{name}' is not a switch of this school");
            }
        }

        return errors;
    }

    private static void ValidateDevice(DeviceEntry device, string at, HashSet<string> roomIds, HashSet<string> deviceIds, Action<string, string> error)
    {
        if (!ContractIdentifiers.IsDeviceId(device.Id))
        {
            error($"{at}.id", "must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
        }
        else if (!deviceIds.Add(device.Id))
        {
            error($"{at}.id", $"'{device.Id}' is used twice");
        }

        if (!DeviceKinds.Contains(device.Kind))
        {
            error($"{at}.kind", $"must be one of {string.Join(", ", DeviceKinds)}");
        }

        if (device.Room is { } room && !roomIds.Contains(room))
        {
            error($"{at}.room", $"'{room}' is not a room of this school");
        }

        var addressOptional = device.Address.Length == 0 && (device.Kind == "probe" || (DeviceSettingsValidator.IsPcKind(device.Kind) && (device.Hosts.Count > 0 || device.Macs.Count > 0)));
        if (!addressOptional && !DeviceAddress.TryParse(device.Address, defaultPort: 161, out _))
        {
            error($"{at}.address", "must be host or host:port");
        }

        if (device.Interval is { } interval && !DurationText.TryParse(interval, out _))
        {
            error($"{at}.interval", "must be a duration such as 30s, 5m or 1h");
        }

        if (device.Kind == "switch")
        {
            if (device.Snmp is null)
            {
                error($"{at}.snmp", "is required for a switch");
            }
            else
            {
                if (device.Snmp.Version is not ("v1" or "v2c" or "v3"))
                {
                    error($"{at}.snmp.version", "must be v1, v2c or v3");
                }

                if (string.IsNullOrWhiteSpace(device.Snmp.Credential))
                {
                    error($"{at}.snmp.credential", "must name a credential of the agent (secrets never stand in the school file)");
                }
            }
        }

        DeviceSettingsValidator.Validate(device, at, error);
    }

    // 统计用城乡划分代码 (National Bureau of Statistics): 1xx are 城镇 (111 主城区, 112 城乡结合区, 121 镇中心区,
    // 122 镇乡结合区, 123 特殊区域), 2xx are 乡村 (210 乡中心区, 220 村庄).
    private static readonly HashSet<string> UrbanRuralCodes = ["111", "112", "121", "122", "123", "210", "220"];

    private static void ValidateUrbanRuralCode(string category, string code, Action<string, string> error)
    {
        if (!UrbanRuralCodes.Contains(code))
        {
            error("urban_rural_code", $"must be one of {string.Join(", ", UrbanRuralCodes)} (统计用城乡划分代码)");
        }
        else if (category == "urban" ? code[0] != '1' : category is "rural" or "teaching_point" && code[0] != '2')
        {
            error("urban_rural_code", $"'{code}' does not fit category '{category}' (urban takes 1xx, rural and teaching_point take 2xx)");
        }
    }

    private static void ValidateHeadCount(HeadCount? count, string at, Action<string, string> error)
    {
        if (count is null)
        {
            return;
        }

        if (count.Count < 0)
        {
            error($"{at}.count", "is required and must be 0 or more");
        }

        if (!DateOnly.TryParseExact(count.AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            error($"{at}.as_of", "must be the date of the count, e.g. 2026-09-01");
        }
    }
}
