using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// A load generator's MQTT 3.1.1 publisher (QoS 1 only), written from the OASIS specification, sections 3.1–3.4: it
/// coalesces whatever PUBLISH packets are queued into one socket write and reads PUBACKs in bulk, so that the
/// generator takes as little as possible of the cores it shares with the pipeline being measured. Each publish still
/// completes only when the broker acknowledged it. Not for production: no reconnect, no session, no keep-alive.
/// </summary>
internal sealed class LeanMqttPublisher : IBenchPublisher
{
    private const int CoalesceBytes = 256 * 1024;
    private readonly Socket _socket;
    private readonly Channel<(ushort Id, OutgoingMessage Message)> _outgoing =
        Channel.CreateUnbounded<(ushort, OutgoingMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource> _inflight = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly Task _reader;
    private int _nextId;

    private LeanMqttPublisher(Socket socket)
    {
        _socket = socket;
        _writer = Task.Run(() => WriteLoopAsync(_stop.Token));
        _reader = Task.Run(() => ReadLoopAsync(_stop.Token));
    }

    public static async Task<IBenchPublisher> ConnectAsync(string host, int port, string clientId, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            await socket.SendAsync(ConnectPacket(clientId), cancellationToken);
            var connack = new byte[4];
            var read = 0;
            while (read < connack.Length)
            {
                var n = await socket.ReceiveAsync(connack.AsMemory(read), cancellationToken);
                read += n > 0 ? n : throw new IOException("the broker closed the connection before CONNACK");
            }

            if (connack[0] != 0x20 || connack[1] != 2 || connack[3] != 0)
            {
                throw new IOException($"the broker refused the connection (CONNACK return code {connack[3]})");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LeanMqttPublisher(socket);
    }

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ushort id;
        do
        {
            id = (ushort)((Interlocked.Increment(ref _nextId) % ushort.MaxValue) + 1);
        }
        while (!_inflight.TryAdd(id, acknowledged));

        await _outgoing.Writer.WriteAsync((id, message), cancellationToken);
        await acknowledged.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _stop.CancelAsync();
        _socket.Dispose();
        await Task.WhenAll(_writer, _reader).ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task WriteLoopAsync(CancellationToken stopping)
    {
        var buffer = new ArrayBufferWriter<byte>(CoalesceBytes);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stopping))
            {
                buffer.ResetWrittenCount();
                while (buffer.WrittenCount < CoalesceBytes && _outgoing.Reader.TryRead(out var item))
                {
                    WritePublish(buffer, item.Id, item.Message);
                }

                await _socket.SendAsync(buffer.WrittenMemory, stopping);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            FailAll(ex);
        }
    }

    private async Task ReadLoopAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer.AsMemory(filled), stopping);
                if (n == 0)
                {
                    throw new IOException("the broker closed the connection");
                }

                filled += n;
                var used = ReadPackets(buffer.AsSpan(0, filled));
                buffer.AsSpan(used, filled - used).CopyTo(buffer);
                filled -= used;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            FailAll(ex);
        }
    }

    /// <summary>Handles every complete packet in <paramref name="data"/>; returns how many bytes they took.</summary>
    private int ReadPackets(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (TryReadHeader(data[offset..], out var headerLength, out var remaining) && offset + headerLength + remaining <= data.Length)
        {
            var type = data[offset] >> 4;
            var body = data.Slice(offset + headerLength, remaining);
            if (type == 4 && body.Length >= 2 && _inflight.TryRemove(BinaryPrimitives.ReadUInt16BigEndian(body), out var acknowledged))
            {
                acknowledged.TrySetResult();
            }

            offset += headerLength + remaining;
        }

        return offset;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> data, out int headerLength, out int remaining)
    {
        remaining = 0;
        for (var i = 1; i < Math.Min(data.Length, 5); i++)
        {
            remaining |= (data[i] & 0x7F) << (7 * (i - 1));
            if ((data[i] & 0x80) == 0)
            {
                headerLength = i + 1;
                return true;
            }
        }

        headerLength = 0;
        return false;
    }

    private void FailAll(Exception cause)
    {
        foreach (var id in _inflight.Keys)
        {
            if (_inflight.TryRemove(id, out var pending))
            {
                pending.TrySetException(new IOException("the connection to the broker ended", cause));
            }
        }
    }

    private static void WritePublish(ArrayBufferWriter<byte> buffer, ushort id, OutgoingMessage message)
    {
        var topicLength = Encoding.UTF8.GetByteCount(message.Topic);
        var remaining = 2 + topicLength + 2 + message.Payload.Length;
        var span = buffer.GetSpan(1 + 4 + remaining);
        span[0] = 0x32; // PUBLISH, QoS 1
        var at = 1 + WriteRemainingLength(span[1..], remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)topicLength);
        at += 2;
        at += Encoding.UTF8.GetBytes(message.Topic, span[at..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], id);
        at += 2;
        message.Payload.Span.CopyTo(span[at..]);
        buffer.Advance(at + message.Payload.Length);
    }

    private static byte[] ConnectPacket(string clientId)
    {
        var id = Encoding.UTF8.GetBytes(clientId);
        byte[] variable = [0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02 /* clean session */, 0, 0 /* no keep-alive */];
        var remaining = variable.Length + 2 + id.Length;
        var packet = new byte[1 + 4 + remaining];
        packet[0] = 0x10;
        var at = 1 + WriteRemainingLength(packet.AsSpan(1), remaining);
        variable.CopyTo(packet, at);
        at += variable.Length;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at), (ushort)id.Length);
        id.CopyTo(packet, at + 2);
        return packet[..(at + 2 + id.Length)];
    }

    private static int WriteRemainingLength(Span<byte> destination, int value)
    {
        var i = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            destination[i++] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (value > 0);
        return i;
    }
}
