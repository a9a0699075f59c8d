using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ClassroomFleet.Contracts.Serialization;

/// <summary>
/// Serializes contract messages as UTF-8 JSON and decodes them defensively: a payload that is not valid UTF-8 JSON,
/// too large, of the wrong schema version or missing a required member yields a <see cref="ContractDecodeException"/>
/// with a reason code, and nothing else.
/// </summary>
public static class ContractSerializer
{
    /// <summary>The largest payload any consumer accepts (also the MQTT maximum packet size we ask for).</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public static byte[] Serialize<T>(T message, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);

    public static T Deserialize<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, Func<T, int> schemaOf)
        where T : class
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ContractDecodeException(DecodeFailure.TooLarge, $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}");
        }

        T? message;
        try
        {
            message = JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ContractDecodeException(DecodeFailure.MalformedJson, ex.Message);
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 surfaces as an ArgumentException from the reader.
            throw new ContractDecodeException(DecodeFailure.MalformedJson, ex.Message);
        }

        if (message is null)
        {
            throw new ContractDecodeException(DecodeFailure.MalformedJson, "payload is JSON null");
        }

        var schema = schemaOf(message);
        if (schema != SchemaVersions.Current)
        {
            throw new ContractDecodeException(DecodeFailure.UnknownSchema, $"schema {schema} is not supported (expected {SchemaVersions.Current})");
        }

        return message;
    }
}
