using System.Buffers;
using System.Text.Json;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Contracts;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Writes the <c>TelemetryBatch</c> JSON of a stored batch: the envelope (school, device, agent, sequence) around the
/// points JSON exactly as the outbox holds it, so a replay costs no parsing of the points.
/// </summary>
public static class TelemetryBatchWriter
{
    public static byte[] Write(OutboxRecord record, string county, string school, string agent)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(record.Points.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", SchemaVersions.Current);
            writer.WriteString("county", county);
            writer.WriteString("school", school);
            writer.WriteString("device", record.Device);
            writer.WriteString("kind", record.Kind);
            writer.WriteString("agent", agent);
            writer.WriteNumber("seq", record.Sequence);
            writer.WritePropertyName("points");
            writer.WriteRawValue(record.Points.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
