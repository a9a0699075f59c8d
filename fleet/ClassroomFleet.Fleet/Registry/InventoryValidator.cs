using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Checks an inventory message before it may touch the registry: its county and school must be those of its topic
/// (else <see cref="DecodeFailure.Spoofed"/>), and every fact must be well-formed and bounded (else <see cref="DecodeFailure.Invalid"/>).
/// </summary>
public static class InventoryValidator
{
    public const int MaxRooms = 2_000;
    public const int MaxDevices = 5_000;
    public const int MaxTextLength = 200;
    public const int MaxIdLength = 64;

    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal) { "urban", "rural", "teaching_point" };

    public static RegistryReject? Validate(SchoolTopic topic, InventoryMessage inventory)
    {
        if (topic.Kind != TopicKind.Inventory)
        {
            return Invalid("not an inventory topic");
        }

        if (!string.Equals(inventory.County, topic.County, StringComparison.Ordinal) || !string.Equals(inventory.School, topic.School, StringComparison.Ordinal))
        {
            return new RegistryReject(DecodeFailure.Spoofed, $"payload names {inventory.County}/{inventory.School}, topic {topic.County}/{topic.School}");
        }

        if (inventory.Agent is null || !ContractIdentifiers.IsDeviceId(inventory.Agent))
        {
            return Invalid("agent id is missing or not [a-z0-9._-]{1,64}");
        }

        if (!IsText(inventory.Name, MaxTextLength))
        {
            return Invalid($"name is missing or longer than {MaxTextLength}");
        }

        if (inventory.Category is null || !Categories.Contains(inventory.Category))
        {
            return Invalid($"category '{inventory.Category}' is not urban, rural or teaching_point");
        }

        if (inventory.UrbanRuralCode is { } code && (code.Length != 3 || !code.All(char.IsAsciiDigit)))
        {
            return Invalid($"urban_rural_code '{code}' is not a 3-digit code");
        }

        if (inventory.SchoolFileSha256 is { } sha && (sha.Length != 64 || !IsHex(sha)))
        {
            return Invalid("school_file_sha256 is not 64 hex digits");
        }

        return ValidateCount("classes", inventory.Classes)
            ?? ValidateCount("teachers", inventory.Teachers)
            ?? ValidateCount("students", inventory.Students)
            ?? ValidateRoomsAndDevices(inventory);
    }

    private static RegistryReject? ValidateRoomsAndDevices(InventoryMessage inventory)
    {
        if (inventory.Rooms is null || inventory.Rooms.Count > MaxRooms)
        {
            return Invalid($"rooms is missing or has more than {MaxRooms} entries");
        }

        var rooms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var room in inventory.Rooms)
        {
            if (room is null || !IsText(room.Id, MaxIdLength) || !IsText(room.Name, MaxTextLength) || !IsText(room.Type, MaxIdLength))
            {
                return Invalid("a room lacks an id (≤64), a name (≤200) or a type (≤64)");
            }

            if (!rooms.Add(room.Id))
            {
                return Invalid($"room '{room.Id}' is listed twice");
            }
        }

        if (inventory.Devices is null || inventory.Devices.Count > MaxDevices)
        {
            return Invalid($"devices is missing or has more than {MaxDevices} entries");
        }

        var devices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in inventory.Devices)
        {
            if (device is null || device.Id is null || !ContractIdentifiers.IsDeviceId(device.Id))
            {
                return Invalid("a device id is missing or not [a-z0-9._-]{1,64}");
            }

            if (!devices.Add(device.Id))
            {
                return Invalid($"device '{device.Id}' is listed twice");
            }

            if (!IsText(device.Kind, MaxIdLength))
            {
                return Invalid($"device '{device.Id}' has no kind");
            }

            if (device.Room is not null && !rooms.Contains(device.Room))
            {
                return Invalid($"device '{device.Id}' is in room '{device.Room}', which is not listed");
            }
        }

        return null;
    }

    private static RegistryReject? ValidateCount(string name, DatedCount? count)
    {
        if (count is null)
        {
            return null;
        }

        if (count.Count < 0)
        {
            return Invalid($"{name} is negative");
        }

        return count.Source is { Length: > MaxTextLength } ? Invalid($"{name}.source is longer than {MaxTextLength}") : null;
    }

    private static bool IsText(string? value, int maxLength) => !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength;

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static RegistryReject Invalid(string reason) => new(DecodeFailure.Invalid, reason);
}
