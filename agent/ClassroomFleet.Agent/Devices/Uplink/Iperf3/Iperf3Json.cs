using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>JSON messages of the control connection: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.</summary>
public static class Iperf3Json
{
    public const int MaxMessageBytes = 1024 * 1024;

    public static async Task WriteAsync(NetworkStream stream, JsonObject message, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetBytes(message.ToJsonString());
        var frame = new byte[4 + json.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, json.Length);
        json.CopyTo(frame, 4);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<JsonObject> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await ReadExactlyAsync(stream, header, "JSON length", cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length is <= 0 or > MaxMessageBytes)
        {
            throw new Iperf3ProtocolException($"JSON message length {length} is outside 1..{MaxMessageBytes}");
        }

        var body = new byte[length];
        await ReadExactlyAsync(stream, body, "JSON message", cancellationToken).ConfigureAwait(false);
        return Parse(body);
    }

    public static JsonObject Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new Iperf3ProtocolException("the JSON message is not an object");
        }
        catch (JsonException ex)
        {
            throw new Iperf3ProtocolException($"the JSON message is invalid: {ex.Message}", ex);
        }
    }

    internal static async Task ReadExactlyAsync(NetworkStream stream, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new Iperf3ProtocolException($"the server closed the control connection in the middle of the {what}", ex);
        }
    }
}
