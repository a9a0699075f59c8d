using System.Buffers;
using System.Text.Json;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// The ingest's fast path: reads a telemetry batch and writes its points straight into line protocol, with no
/// dictionaries or strings in between, checking each point as <see cref="TelemetryValidator.ValidatePoint"/> does. It
/// takes the shape the contract's serializer writes: county, school and device before the points, and in each point
/// <c>measurement</c> first and the tags before the fields. A point it cannot take that way (another member order, a
/// repeated key, a value out of bounds, a wrong type, a name line protocol cannot carry) is left to the object path by
/// its byte range, so that the object path decides, quarantines and explains it exactly as for any other batch. A batch
/// it cannot take at all (malformed JSON, a header after the points, a header member missing or repeated, another
/// schema) gives null, and the object path decodes the whole payload and rejects it as usual.
/// </summary>
public static class TelemetryTranscoder
{
    /// <summary>The batch's header (with no points), how many points it held, and the byte ranges of the points left to the object path.</summary>
    public sealed record Result(TelemetryBatch Header, int PointCount, IReadOnlyList<Range> SlowPoints);

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static Result? TryTranscode(ReadOnlySpan<byte> payload, LineProtocolBuffer buffer)
    {
        if (payload.Length > ContractSerializer.MaxPayloadBytes)
        {
            return null;
        }

        var scratch = ArrayPool<char>.Shared.Rent(Math.Max(16, payload.Length));
        var fieldKeys = ArrayPool<Range>.Shared.Rent(TelemetryValidator.MaxFieldsPerPoint + 1);
        try
        {
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            return ReadBatch(ref reader, payload, buffer, new Scratch(scratch, fieldKeys));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            buffer.DiscardOpenLine();
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
            ArrayPool<Range>.Shared.Return(fieldKeys);
        }
    }

    private readonly record struct Scratch(char[] Chars, Range[] FieldKeys);

    private static Result? ReadBatch(ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, LineProtocolBuffer buffer, Scratch scratch)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int? schema = null;
        long? sequence = null;
        string? county = null, school = null, device = null, kind = null, agent = null;
        var pointCount = -1;
        var slow = new List<Range>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("points"u8))
            {
                if (pointCount >= 0 || county is null || school is null || device is null || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                {
                    return null;
                }

                pointCount = ReadPoints(ref reader, payload, buffer, scratch, county, school, device, slow);
                continue;
            }

            var ok = reader.ValueTextEquals("schema"u8) ? TryReadOnce(ref reader, ref schema)
                : reader.ValueTextEquals("seq"u8) ? TryReadOnce(ref reader, ref sequence)
                : reader.ValueTextEquals("county"u8) ? TryReadOnce(ref reader, ref county)
                : reader.ValueTextEquals("school"u8) ? TryReadOnce(ref reader, ref school)
                : reader.ValueTextEquals("device"u8) ? TryReadOnce(ref reader, ref device)
                : reader.ValueTextEquals("kind"u8) ? TryReadOnce(ref reader, ref kind)
                : reader.ValueTextEquals("agent"u8) ? TryReadOnce(ref reader, ref agent)
                : Skip(ref reader);
            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
            || (schema ?? SchemaVersions.Current) != SchemaVersions.Current
            || pointCount < 0 || sequence is null || county is null || school is null || device is null || kind is null || agent is null)
        {
            return null;
        }

        var header = new TelemetryBatch { County = county, School = school, Device = device, Kind = kind, Agent = agent, Sequence = sequence.Value, Points = [] };
        return new Result(header, pointCount, slow);
    }

    private static int ReadPoints(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, LineProtocolBuffer buffer, Scratch scratch, string county, string school, string device, List<Range> slow)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            var start = (int)reader.TokenStartIndex;
            var depth = reader.CurrentDepth;
            if (reader.TokenType != JsonTokenType.StartObject || !TryPoint(ref reader, payload, buffer, scratch, county, school, device))
            {
                buffer.DiscardOpenLine();
                SkipToEndOf(ref reader, depth);
                slow.Add(new Range(start, (int)reader.BytesConsumed));
            }
        }

        return count;
    }

    /// <summary>Writes one point as a line; false (with the line left open) for anything the object path must judge.</summary>
    private static bool TryPoint(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, LineProtocolBuffer buffer, Scratch scratch, string county, string school, string device)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("measurement"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var measurementLength = reader.CopyString(scratch.Chars);
        if (measurementLength is 0 or > TelemetryValidator.MaxKeyLength)
        {
            return false;
        }

        try
        {
            var line = buffer.Point(scratch.Chars.AsSpan(0, measurementLength))
                .Tag(TagKeys.County, county).Tag(TagKeys.Device, device).Tag(TagKeys.School, school);
            long? time = null;
            var fields = 0;
            var seenFields = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool ok;
                if (reader.ValueTextEquals("time_ns"u8))
                {
                    var ns = 0L;
                    ok = time is null && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out ns) && ns > 0;
                    time = ns;
                }
                else if (reader.ValueTextEquals("tags"u8))
                {
                    ok = !seenFields && TryTags(ref reader, line, scratch.Chars);
                }
                else if (reader.ValueTextEquals("float"u8) || reader.ValueTextEquals("int"u8) || reader.ValueTextEquals("str"u8) || reader.ValueTextEquals("bool"u8))
                {
                    seenFields = true;
                    ok = TryFields(ref reader, payload, line, scratch, ref fields);
                }
                else
                {
                    ok = Skip(ref reader);
                }

                if (!ok)
                {
                    return false;
                }
            }

            if (time is null || fields == 0)
            {
                return false;
            }

            line.Timestamp(time.Value);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Line protocol cannot carry a name (a newline, a backslash before a delimiter, a repeated tag): the
            // object path quarantines the point with the reason.
            return false;
        }
    }

    private static bool TryTags(ref Utf8JsonReader reader, PointBuilder line, char[] chars)
    {
        if (EnterMap(ref reader) is var start && start != MapStart.Map)
        {
            return start == MapStart.Absent;
        }

        var tags = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyLength = reader.CopyString(chars);
            var key = chars.AsSpan(0, keyLength);
            if (++tags > TelemetryValidator.MaxTagsPerPoint || keyLength is 0 or > TelemetryValidator.MaxKeyLength || TelemetryValidator.IsReservedTag(key)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            var valueLength = reader.CopyString(chars.AsSpan(keyLength));
            if (valueLength is 0 or > TelemetryValidator.MaxStringLength)
            {
                return false;
            }

            line.Tag(key, chars.AsSpan(keyLength, valueLength));
        }

        return true;
    }

    private static bool TryFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, PointBuilder line, Scratch scratch, ref int fields)
    {
        var group = reader.ValueSpan[0];
        if (EnterMap(ref reader) is var start && start != MapStart.Map)
        {
            return start == MapStart.Absent;
        }

        var keys = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A key repeated within its group: the object path keeps the last value, as a dictionary does.
            if (++fields > TelemetryValidator.MaxFieldsPerPoint || reader.ValueIsEscaped || IsRepeated(payload, scratch.FieldKeys.AsSpan(0, keys), reader.ValueSpan))
            {
                return false;
            }

            scratch.FieldKeys[keys++] = new Range((int)reader.TokenStartIndex + 1, (int)reader.TokenStartIndex + 1 + reader.ValueSpan.Length);
            var keyLength = reader.CopyString(scratch.Chars);
            if (keyLength is 0 or > TelemetryValidator.MaxKeyLength || !reader.Read())
            {
                return false;
            }

            var key = scratch.Chars.AsSpan(0, keyLength);
            switch (group)
            {
                case (byte)'f' when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value):
                    line.Field(key, value);
                    break;
                case (byte)'i' when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value):
                    line.Field(key, value);
                    break;
                case (byte)'s' when reader.TokenType == JsonTokenType.String:
                    var length = reader.CopyString(scratch.Chars.AsSpan(keyLength));
                    line.StringField(key, scratch.Chars.AsSpan(keyLength, length));
                    break;
                case (byte)'b' when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    line.Field(key, reader.TokenType == JsonTokenType.True);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private enum MapStart
    {
        Map,
        Absent,
        Invalid,
    }

    /// <summary>Reads the value of a member that holds a map: an object, or JSON null for none.</summary>
    private static MapStart EnterMap(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => MapStart.Map,
            JsonTokenType.Null => MapStart.Absent,
            _ => MapStart.Invalid,
        };
    }

    private static bool IsRepeated(ReadOnlySpan<byte> payload, ReadOnlySpan<Range> seen, ReadOnlySpan<byte> key)
    {
        foreach (var range in seen)
        {
            if (payload[range].SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadOnce(ref Utf8JsonReader reader, ref string? value)
    {
        if (value is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    private static bool TryReadOnce(ref Utf8JsonReader reader, ref long? value)
    {
        if (value is not null || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryReadOnce(ref Utf8JsonReader reader, ref int? value)
    {
        if (value is not null || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
        return true;
    }

    /// <summary>Reads on to the end of the value that started at <paramref name="depth"/> (which may be where the reader is).</summary>
    private static void SkipToEndOf(ref Utf8JsonReader reader, int depth)
    {
        if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
        {
            return; // a scalar element, or the point's own end
        }

        while (!(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
            reader.Read();
        }
    }
}
