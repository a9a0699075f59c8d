using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>
/// An iperf3 client for TCP tests that interoperates with a stock <c>iperf3 -s</c> (3.x): control connection with the
/// cookie, PARAM_EXCHANGE (JSON parameters), CREATE_STREAMS (N data connections, each opened with the cookie),
/// TEST_START/TEST_RUNNING, the timed transfer in either direction, TEST_END, EXCHANGE_RESULTS (our JSON, then the
/// server's), DISPLAY_RESULTS and IPERF_DONE.
/// </summary>
public static class Iperf3Client
{
    public const int DefaultPort = 5201;
    public const string ClientVersion = "3.12";

    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    public static async Task<Iperf3Result> RunAsync(string host, int port, Iperf3Request request, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Streams, 1);
        using var control = await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var controlStream = control.GetStream();
        var cookie = Iperf3Cookie.Create();
        await controlStream.WriteAsync(cookie, cancellationToken).ConfigureAwait(false);

        await ExpectAsync(controlStream, Iperf3State.ParamExchange, cancellationToken).ConfigureAwait(false);
        await Iperf3Json.WriteAsync(controlStream, Parameters(request), cancellationToken).ConfigureAwait(false);
        await ExpectAsync(controlStream, Iperf3State.CreateStreams, cancellationToken).ConfigureAwait(false);

        var streams = new List<DataStream>(request.Streams);
        try
        {
            for (var i = 0; i < request.Streams; i++)
            {
                var tcp = await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
                streams.Add(new DataStream(StreamId(i), tcp));
                await tcp.GetStream().WriteAsync(cookie, cancellationToken).ConfigureAwait(false);
            }

            await ExpectAsync(controlStream, Iperf3State.TestStart, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(controlStream, Iperf3State.TestRunning, cancellationToken).ConfigureAwait(false);
            var elapsed = await TransferAsync(streams, request, cancellationToken).ConfigureAwait(false);

            await controlStream.WriteAsync(new[] { (byte)Iperf3State.TestEnd }, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(controlStream, Iperf3State.ExchangeResults, cancellationToken).ConfigureAwait(false);
            var ours = streams.Select(s => (s.Id, s.Bytes)).ToList();
            await Iperf3Json.WriteAsync(controlStream, Iperf3Results.Create(false, ours, elapsed.TotalSeconds), cancellationToken).ConfigureAwait(false);
            var theirs = Iperf3Results.Parse(await WithTimeout(t => Iperf3Json.ReadAsync(controlStream, t), cancellationToken).ConfigureAwait(false));
            await ExpectAsync(controlStream, Iperf3State.DisplayResults, cancellationToken).ConfigureAwait(false);
            await controlStream.WriteAsync(new[] { (byte)Iperf3State.IperfDone }, cancellationToken).ConfigureAwait(false);
            return Result(request, streams, theirs, elapsed);
        }
        catch (IOException ex)
        {
            throw new Iperf3Exception($"iperf3 connection to {host}:{port} lost: {ex.Message}", ex);
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Tcp.Dispose();
            }
        }
    }

    /// <summary>iperf 3.x numbers streams 1, 3, 4, 5… in creation order (its add-stream loop starts counting at 2).</summary>
    public static int StreamId(int index) => index == 0 ? 1 : index + 2;

    private static JsonObject Parameters(Iperf3Request request)
    {
        var parameters = new JsonObject
        {
            ["tcp"] = true,
            ["omit"] = 0,
            ["time"] = (int)Math.Ceiling(request.Duration.TotalSeconds),
            ["num"] = 0,
            ["blockcount"] = 0,
            ["parallel"] = request.Streams,
            ["len"] = request.BlockSize,
            ["pacing_timer"] = 1000,
            ["client_version"] = ClientVersion,
        };
        if (request.Reverse)
        {
            parameters["reverse"] = true;
        }

        return parameters;
    }

    private static async Task<TimeSpan> TransferAsync(List<DataStream> streams, Iperf3Request request, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(request.Duration);
        var started = Stopwatch.GetTimestamp();
        var workers = streams.Select(s => request.Reverse
            ? ReceiveUntilAsync(s, timer.Token)
            : SendUntilAsync(s, request.BlockSize, timer.Token)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task SendUntilAsync(DataStream stream, int blockSize, CancellationToken stop)
    {
        var block = new byte[blockSize];
        Random.Shared.NextBytes(block);
        var network = stream.Tcp.GetStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await network.WriteAsync(block, stop).ConfigureAwait(false);
                stream.Bytes += block.Length;
            }
        }
        catch (OperationCanceledException)
        {
            // The duration is over; a block cut off mid-write is not counted (the server counts what arrived).
        }
    }

    private static async Task ReceiveUntilAsync(DataStream stream, CancellationToken stop)
    {
        var buffer = new byte[128 * 1024];
        var network = stream.Tcp.GetStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await network.ReadAsync(buffer, stop).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                stream.Bytes += read;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Iperf3Result Result(Iperf3Request request, List<DataStream> streams, IReadOnlyList<Iperf3StreamResult> theirs, TimeSpan elapsed)
    {
        var clientBytes = streams.Sum(s => s.Bytes);
        var serverBytes = theirs.Sum(s => s.Bytes);
        var receiverBytes = request.Reverse ? clientBytes : serverBytes;
        long? retransmits = request.Reverse && theirs.All(s => s.Retransmits >= 0) ? theirs.Sum(s => s.Retransmits) : null;
        return new Iperf3Result(
            request.Reverse, request.Streams, elapsed, clientBytes, serverBytes, receiverBytes * 8d / elapsed.TotalSeconds, retransmits, theirs);
    }

    private static async Task<TcpClient> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await WithTimeout(async t =>
            {
                await tcp.ConnectAsync(host, port, t).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return tcp;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            tcp.Dispose();
            throw new Iperf3ServerUnavailableException($"iperf3 server {host}:{port} refused the connection ({ex.SocketErrorCode})", ex);
        }
        catch (SocketException ex)
        {
            tcp.Dispose();
            throw new Iperf3Exception($"unable to connect to iperf3 server {host}:{port}: {ex.SocketErrorCode}", ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private static async Task ExpectAsync(NetworkStream control, Iperf3State expected, CancellationToken cancellationToken)
    {
        var state = await WithTimeout(t => ReadStateAsync(control, t), cancellationToken).ConfigureAwait(false);
        if (state == expected)
        {
            return;
        }

        switch (state)
        {
            case Iperf3State.AccessDenied:
                throw new Iperf3ServerBusyException("the server is busy running a test (ACCESS_DENIED)");
            case Iperf3State.ServerError:
                var codes = new byte[8];
                await Iperf3Json.ReadExactlyAsync(control, codes, "error codes", cancellationToken).ConfigureAwait(false);
                throw new Iperf3Exception(
                    $"the server reported an error (iperf error {BinaryPrimitives.ReadInt32BigEndian(codes)}, errno {BinaryPrimitives.ReadInt32BigEndian(codes.AsSpan(4))})");
            case Iperf3State.ServerTerminate:
                throw new Iperf3Exception("the server terminated the test");
            default:
                throw new Iperf3ProtocolException($"expected state {expected}, the server sent {(sbyte)state}");
        }
    }

    private static async Task<Iperf3State> ReadStateAsync(NetworkStream control, CancellationToken cancellationToken)
    {
        var state = new byte[1];
        await Iperf3Json.ReadExactlyAsync(control, state, "state", cancellationToken).ConfigureAwait(false);
        var value = (sbyte)state[0];
        return Enum.IsDefined((Iperf3State)value)
            ? (Iperf3State)value
            : throw new Iperf3ProtocolException($"unknown control state {value}");
    }

    private static async Task<T> WithTimeout<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ControlTimeout);
        try
        {
            return await action(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Iperf3Exception($"the iperf3 server did not answer within {ControlTimeout.TotalSeconds:0} s");
        }
    }

    private sealed class DataStream(int id, TcpClient tcp)
    {
        public int Id { get; } = id;

        public TcpClient Tcp { get; } = tcp;

        public long Bytes { get; set; }
    }
}
