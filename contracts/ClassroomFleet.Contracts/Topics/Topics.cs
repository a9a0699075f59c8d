using ClassroomFleet.Contracts.Identifiers;

namespace ClassroomFleet.Contracts.Topics;

/// <summary>
/// The MQTT topic layout of contract v1:
/// <code>
/// cf/v1/{county}/{school}/telemetry/{device}
/// cf/v1/{county}/{school}/status                (retained; last will)
/// cf/v1/{county}/{school}/inventory             (retained)
/// cf/v1/{county}/{school}/config/desired        (retained)
/// cf/v1/{county}/{school}/config/reported       (retained)
/// cf/v1/{county}/{school}/command/{id}
/// cf/v1/{county}/{school}/command/{id}/result
/// cf/v1/{county}/{school}/ack
/// </code>
/// </summary>
public static class Topics
{
    public const string Root = "cf/v1";

    /// <summary>Every telemetry topic of every school: what the fleet subscribes to (shared).</summary>
    public const string AllTelemetry = Root + "/+/+/telemetry/+";

    public const string AllStatus = Root + "/+/+/status";

    public static string Telemetry(string county, string school, string device) =>
        $"{SchoolPrefix(county, school)}/telemetry/{device}";

    public static string Status(string county, string school) => $"{SchoolPrefix(county, school)}/status";

    public static string Inventory(string county, string school) => $"{SchoolPrefix(county, school)}/inventory";

    public static string ConfigDesired(string county, string school) => $"{SchoolPrefix(county, school)}/config/desired";

    public static string ConfigReported(string county, string school) => $"{SchoolPrefix(county, school)}/config/reported";

    public static string Command(string county, string school, string commandId) =>
        $"{SchoolPrefix(county, school)}/command/{commandId}";

    public static string CommandResult(string county, string school, string commandId) =>
        $"{SchoolPrefix(county, school)}/command/{commandId}/result";

    public static string Ack(string county, string school) => $"{SchoolPrefix(county, school)}/ack";

    /// <summary>A shared subscription (MQTT 5.0 §4.8.2) so that several fleet instances split one stream.</summary>
    public static string Shared(string group, string filter) => $"$share/{group}/{filter}";

    /// <summary>Parses a contract-v1 topic; false for anything else, including ids that break the identifier rules.</summary>
    public static bool TryParse(string topic, out SchoolTopic parsed)
    {
        parsed = default;
        var parts = topic.Split('/');
        if (parts.Length < 5 || parts[0] != "cf" || parts[1] != "v1"
            || !ContractIdentifiers.IsCountyCode(parts[2]) || !ContractIdentifiers.IsSchoolCode(parts[3]))
        {
            return false;
        }

        var county = parts[2];
        var school = parts[3];
        TopicKind? kind = (parts.Length, parts[4]) switch
        {
            (6, "telemetry") when ContractIdentifiers.IsDeviceId(parts[5]) => TopicKind.Telemetry,
            (5, "status") => TopicKind.Status,
            (5, "inventory") => TopicKind.Inventory,
            (5, "ack") => TopicKind.Ack,
            (6, "config") when parts[5] == "desired" => TopicKind.ConfigDesired,
            (6, "config") when parts[5] == "reported" => TopicKind.ConfigReported,
            (6, "command") when IsCommandId(parts[5]) => TopicKind.Command,
            (7, "command") when IsCommandId(parts[5]) && parts[6] == "result" => TopicKind.CommandResult,
            _ => null,
        };

        if (kind is null)
        {
            return false;
        }

        var leaf = kind is TopicKind.Telemetry or TopicKind.Command or TopicKind.CommandResult ? parts[5] : null;
        parsed = new SchoolTopic(kind.Value, county, school, leaf);
        return true;
    }

    private static string SchoolPrefix(string county, string school) => $"{Root}/{county}/{school}";

    private static bool IsCommandId(string value) => ContractIdentifiers.IsDeviceId(value);
}
