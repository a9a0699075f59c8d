using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Checks a decoded telemetry batch against the topic it came on: the county, school and device in the topic must be
/// the ones in the payload (a school cannot write under another's name), the sender's identity must be that school when
/// the broker names a school as the sender, and every point must be storable.
/// </summary>
public static class TelemetryValidator
{
    /// <summary>
    /// The fleet's MQTT packet limit: well above <see cref="ContractSerializer.MaxPayloadBytes"/>, so that an oversized
    /// payload still reaches the ingest and is rejected, counted and logged instead of being dropped unseen on the way.
    /// </summary>
    public const int MaxTransportPacketBytes = 4 * ContractSerializer.MaxPayloadBytes;

    public const int MaxPointsPerBatch = 5000;
    public const int MaxTagsPerPoint = 16;
    public const int MaxFieldsPerPoint = 64;
    public const int MaxKeyLength = 128;
    public const int MaxStringLength = 4096;

    /// <summary>Returns null when the batch is acceptable, else the failure and a reason for the log.</summary>
    public static (DecodeFailure Failure, string Reason)? Validate(SchoolTopic topic, TelemetryBatch batch) =>
        Validate(topic, batch, batch.Points?.Count);

    /// <summary>As <see cref="Validate(SchoolTopic, TelemetryBatch)"/>, for a header whose points were counted elsewhere.</summary>
    public static (DecodeFailure Failure, string Reason)? Validate(SchoolTopic topic, TelemetryBatch batch, int? pointCount)
    {
        if (batch.County != topic.County || batch.School != topic.School || batch.Device != topic.Leaf)
        {
            return (DecodeFailure.Spoofed, $"payload names {batch.County}/{batch.School}/{batch.Device} but the topic is {topic.County}/{topic.School}/{topic.Leaf}");
        }

        if (!ContractIdentifiers.IsDeviceId(batch.Agent) || string.IsNullOrEmpty(batch.Kind) || batch.Kind.Length > MaxKeyLength)
        {
            return (DecodeFailure.Invalid, "agent or kind is missing or malformed");
        }

        if (pointCount is null or > MaxPointsPerBatch)
        {
            return (DecodeFailure.Invalid, $"a batch holds 0 to {MaxPointsPerBatch} points");
        }

        return null;
    }

    /// <summary>
    /// Checks the sender the broker names (the embedded broker's user property <c>cf-sender</c>: the user name, or the
    /// client id of an anonymous test client). A school's user name is its 10-digit code, so a sender that is a school must
    /// be the school of the topic. Fleet and admin users may publish for any school, as the broker allows them to; with
    /// mosquitto there is no sender at all, and its ACL (a school user writes only its own topics) is what guards this.
    /// </summary>
    public static (DecodeFailure Failure, string Reason)? ValidateSender(SchoolTopic topic, string? sender)
    {
        if (sender is null || !BrokerPrincipal.TrySchoolCode(sender, out var school) || school == topic.School)
        {
            return null;
        }

        return (DecodeFailure.Spoofed, $"sender {sender} is a school other than the topic's {topic.School}");
    }

    /// <summary>
    /// Checks the topic's county against the county the registry holds for the school. The broker's ACL grants a school
    /// its own code under any county (<c>cf/v1/+/%u/…</c>), so this check is what keeps a school's telemetry out of another
    /// county's data. A school the registry does not know yet is accepted under the county it names, and registered there:
    /// the first county a school is seen under is the one it keeps until its inventory (school file) places it elsewhere.
    /// </summary>
    public static (DecodeFailure Failure, string Reason)? ValidateCounty(SchoolTopic topic, string? registeredCounty) =>
        registeredCounty is null || string.Equals(registeredCounty, topic.County, StringComparison.Ordinal)
            ? null
            : (DecodeFailure.Spoofed, $"school {topic.School} is registered in county {registeredCounty}, not {topic.County}");

    /// <summary>Checks one point; a bad point is quarantined alone and never blocks the rest of its batch.</summary>
    public static string? ValidatePoint(TelemetryPoint? point)
    {
        if (point is null)
        {
            return "a point is JSON null";
        }

        if (string.IsNullOrEmpty(point.Measurement) || point.Measurement.Length > MaxKeyLength)
        {
            return "measurement is missing or too long";
        }

        if (point.TimestampNs <= 0)
        {
            return "timestamp must be positive nanoseconds since the Unix epoch";
        }

        if (point.FieldCount is 0 or > MaxFieldsPerPoint)
        {
            return $"a point holds 1 to {MaxFieldsPerPoint} fields";
        }

        if (point.Tags.Count > MaxTagsPerPoint)
        {
            return $"a point holds at most {MaxTagsPerPoint} tags";
        }

        foreach (var (key, value) in point.Tags)
        {
            if (!IsKey(key) || string.IsNullOrEmpty(value) || value.Length > MaxStringLength || ReservedTags.Contains(key))
            {
                return $"tag '{key}' is empty, too long or reserved";
            }
        }

        if (point.Floats is { } floats)
        {
            foreach (var (key, value) in floats)
            {
                if (!IsKey(key) || !double.IsFinite(value))
                {
                    return $"float field '{key}' is not a finite number";
                }
            }
        }

        return (FirstBadKey(point.Integers) ?? FirstBadKey(point.Strings) ?? FirstBadKey(point.Booleans)) is { } bad
            ? $"field key '{bad}' is empty or too long"
            : null;
    }

    private static readonly HashSet<string> ReservedTags = new(["county", "school", "device", "time"], StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedTagNames = ReservedTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tags the batch writes itself (and <c>time</c>, which InfluxQL cannot select): a point may not carry them.</summary>
    public static bool IsReservedTag(ReadOnlySpan<char> key) => ReservedTagNames.Contains(key);

    private static string? FirstBadKey<T>(IReadOnlyDictionary<string, T>? fields)
    {
        foreach (var key in fields?.Keys ?? [])
        {
            if (!IsKey(key))
            {
                return key;
            }
        }

        return null;
    }

    private static bool IsKey(string key) => key.Length is > 0 and <= MaxKeyLength;
}
