using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Contracts.Influx;

/// <summary>
/// The InfluxDB side of contract v1: writes a batch's points as line protocol, adding the <c>county</c>, <c>school</c> and <c>device</c> tags from the
/// (validated) batch, which win over tags of those names in the point. Tags are written in key order, as InfluxDB prefers.
/// </summary>
public static class TelemetryLineProtocol
{
    public static void Append(LineProtocolBuffer buffer, TelemetryBatch batch, TelemetryPoint point) =>
        Append(buffer, batch.County, batch.School, batch.Device, point);

    public static void Append(LineProtocolBuffer buffer, string county, string school, string device, TelemetryPoint point)
    {
        var line = buffer.Point(point.Measurement).Tag(TagKeys.County, county).Tag(TagKeys.School, school).Tag(TagKeys.Device, device);
        foreach (var (key, value) in point.Tags)
        {
            // The batch names the point's county, school and device; a point cannot rename itself.
            if (key is not (TagKeys.County or TagKeys.School or TagKeys.Device))
            {
                line.Tag(key, value);
            }
        }

        foreach (var (key, value) in point.Floats ?? Empty<double>())
        {
            line.Field(key, value);
        }

        foreach (var (key, value) in point.Integers ?? Empty<long>())
        {
            line.Field(key, value);
        }

        foreach (var (key, value) in point.Strings ?? Empty<string>())
        {
            line.Field(key, value);
        }

        foreach (var (key, value) in point.Booleans ?? Empty<bool>())
        {
            line.Field(key, value);
        }

        line.Timestamp(point.TimestampNs);
    }

    private static IReadOnlyDictionary<string, T> Empty<T>() => EmptyHolder<T>.Instance;

    private static class EmptyHolder<T>
    {
        public static readonly IReadOnlyDictionary<string, T> Instance = new Dictionary<string, T>();
    }
}
