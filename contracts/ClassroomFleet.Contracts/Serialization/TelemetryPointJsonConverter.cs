using System.Text.Json;
using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Contracts.Serialization;

/// <summary>
/// Reads and writes <see cref="TelemetryPoint"/> by hand: it is the fleet's hottest decode (every point of every batch),
/// and the generated path for a record with required init-only members goes through a constructor-argument cache that
/// boxes every number. The JSON is the same as the generated one: unknown members are skipped, a null or absent field
/// group is absent, a missing <c>measurement</c> or <c>time_ns</c> and a value of the wrong JSON type are errors.
/// </summary>
public sealed class TelemetryPointJsonConverter : JsonConverter<TelemetryPoint>
{
    public override TelemetryPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a telemetry point");
        string? measurement = null;
        long? time = null;
        IReadOnlyDictionary<string, string>? tags = null;
        IReadOnlyDictionary<string, double>? floats = null;
        IReadOnlyDictionary<string, long>? integers = null;
        IReadOnlyDictionary<string, string>? strings = null;
        IReadOnlyDictionary<string, bool>? booleans = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("measurement"u8))
            {
                reader.Read();
                measurement = ReadString(ref reader, "measurement");
            }
            else if (reader.ValueTextEquals("time_ns"u8))
            {
                reader.Read();
                time = ReadInteger(ref reader, "time_ns");
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                tags = ReadMap(ref reader, "tags", static (ref r, key) => ReadString(ref r, key));
            }
            else if (reader.ValueTextEquals("float"u8))
            {
                floats = ReadMap(ref reader, "float", static (ref r, key) => ReadFloat(ref r, key));
            }
            else if (reader.ValueTextEquals("int"u8))
            {
                integers = ReadMap(ref reader, "int", static (ref r, key) => ReadInteger(ref r, key));
            }
            else if (reader.ValueTextEquals("str"u8))
            {
                strings = ReadMap(ref reader, "str", static (ref r, key) => ReadString(ref r, key));
            }
            else if (reader.ValueTextEquals("bool"u8))
            {
                booleans = ReadMap(ref reader, "bool", static (ref r, key) => ReadBoolean(ref r, key));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(ref reader, JsonTokenType.EndObject, "a telemetry point");
        if (measurement is null || time is null)
        {
            throw new JsonException("a telemetry point needs 'measurement' and 'time_ns'");
        }

        return new TelemetryPoint
        {
            Measurement = measurement,
            TimestampNs = time.Value,
            Tags = tags ?? TelemetryPoint.NoTags,
            Floats = floats,
            Integers = integers,
            Strings = strings,
            Booleans = booleans,
        };
    }

    public override void Write(Utf8JsonWriter writer, TelemetryPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("measurement"u8, value.Measurement);
        writer.WriteNumber("time_ns"u8, value.TimestampNs);
        WriteMap(writer, "tags"u8, value.Tags, static (w, v) => w.WriteStringValue(v));
        WriteMap(writer, "float"u8, value.Floats, static (w, v) => w.WriteNumberValue(v));
        WriteMap(writer, "int"u8, value.Integers, static (w, v) => w.WriteNumberValue(v));
        WriteMap(writer, "str"u8, value.Strings, static (w, v) => w.WriteStringValue(v));
        WriteMap(writer, "bool"u8, value.Booleans, static (w, v) => w.WriteBooleanValue(v));
        writer.WriteEndObject();
    }

    private delegate T ValueReader<out T>(ref Utf8JsonReader reader, string key);

    /// <summary>Reads the value of the current property as a map; JSON null is no map. A repeated key keeps its last value.</summary>
    private static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, string member, ValueReader<T> readValue)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, $"'{member}'");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader, key);
        }

        Expect(ref reader, JsonTokenType.EndObject, $"'{member}'");
        return map;
    }

    private static string ReadString(ref Utf8JsonReader reader, string key) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw WrongType(key, "a string");

    private static long ReadInteger(ref Utf8JsonReader reader, string key) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw WrongType(key, "a 64-bit integer");

    private static double ReadFloat(ref Utf8JsonReader reader, string key) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw WrongType(key, "a number");

    private static bool ReadBoolean(ref Utf8JsonReader reader, string key) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw WrongType(key, "true or false"),
    };

    private static void WriteMap<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyDictionary<string, T>? map, Action<Utf8JsonWriter, T> writeValue)
    {
        if (map is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WritePropertyName(key);
            writeValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"{what} is malformed: expected {token}, found {reader.TokenType}");
        }
    }

    private static JsonException WrongType(string key, string expected) => new($"'{key}' must be {expected}");
}
