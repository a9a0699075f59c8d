using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// One TCP connection to a PJLink device (TCP 4352). Reads the greeting, authenticates with the first command when the
/// device asks for it, then sends queries one at a time: PJLink allows one outstanding command per connection.
/// </summary>
public sealed class PjLinkSession : IAsyncDisposable
{
    public const int DefaultPort = 4352;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly TimeSpan _timeout;
    private readonly byte[] _buffer = new byte[512];
    private int _bufferStart;
    private int _bufferEnd;
    private string? _pendingDigest;

    private PjLinkSession(TcpClient tcp, TimeSpan timeout)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _timeout = timeout;
    }

    /// <summary>True when the device greeted with <c>PJLINK 1</c> (authentication on).</summary>
    public bool AuthenticationRequired { get; private set; }

    public static async Task<PjLinkSession> ConnectAsync(string host, int port, string? password, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connect.CancelAfter(timeout);
            await tcp.ConnectAsync(host, port, connect.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new PjLinkException($"no TCP connection to {host}:{port} within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException ex)
        {
            tcp.Dispose();
            throw new PjLinkException($"cannot connect to {host}:{port}: {ex.SocketErrorCode}", ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        var session = new PjLinkSession(tcp, timeout);
        try
        {
            await session.ReadGreetingAsync(password, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <c>%{class}{command} ?</c> and returns the parsed reply (an ERRn reply is a reply, not an exception).</summary>
    public Task<PjLinkReply> QueryAsync(int commandClass, string command, CancellationToken cancellationToken = default) =>
        SendAsync(commandClass, command, "?", cancellationToken);

    /// <summary>Sends <c>%{class}{command} {parameter}</c> (e.g. <c>%1POWR 1</c>, power on) and returns the parsed reply.</summary>
    public async Task<PjLinkReply> SendAsync(int commandClass, string command, string parameter, CancellationToken cancellationToken = default)
    {
        var request = $"{_pendingDigest}%{commandClass}{command} {parameter}\r";
        _pendingDigest = null;
        try
        {
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new PjLinkException($"connection lost sending %{commandClass}{command}", ex);
        }

        var line = await ReadLineAsync($"%{commandClass}{command}", cancellationToken).ConfigureAwait(false);
        if (line == "PJLINK ERRA")
        {
            throw new PjLinkAuthenticationException("the device refused the PJLink password (PJLINK ERRA)");
        }

        return PjLinkReplyParser.Parse(line, commandClass, command);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task ReadGreetingAsync(string? password, CancellationToken cancellationToken)
    {
        var greeting = await ReadLineAsync("the greeting", cancellationToken).ConfigureAwait(false);
        if (greeting == "PJLINK 0")
        {
            return;
        }

        if (greeting == "PJLINK ERRA")
        {
            throw new PjLinkAuthenticationException("the device refused the connection (PJLINK ERRA)");
        }

        if (greeting.StartsWith("PJLINK 1 ", StringComparison.Ordinal) && greeting.Length == 17 && !greeting.AsSpan(9).ContainsAnyExcept(HexDigits))
        {
            AuthenticationRequired = true;
            _pendingDigest = PjLinkDigest.Compute(greeting[9..], password
                ?? throw new PjLinkAuthenticationException("the device requires PJLink authentication but no credential is configured"));
            return;
        }

        throw new PjLinkProtocolException($"greeting is not PJLink: '{PjLinkReplyParser.Printable(greeting)}'");
    }

    private async Task<string> ReadLineAsync(string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var length = 0;
        var line = new byte[PjLinkReplyParser.MaxLineLength];
        while (true)
        {
            if (_bufferStart == _bufferEnd)
            {
                int read;
                try
                {
                    read = await _stream.ReadAsync(_buffer, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new PjLinkException($"no reply to {what} within {_timeout.TotalSeconds:0.#} s");
                }
                catch (IOException ex)
                {
                    throw new PjLinkException($"connection lost waiting for {what}", ex);
                }

                if (read == 0)
                {
                    throw new PjLinkProtocolException($"the device closed the connection before answering {what}");
                }

                _bufferStart = 0;
                _bufferEnd = read;
            }

            var b = _buffer[_bufferStart++];
            if (b == '\r')
            {
                try
                {
                    return StrictUtf8.GetString(line, 0, length);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new PjLinkProtocolException($"reply to {what} is not valid UTF-8", ex);
                }
            }

            // Some devices end lines with CR LF; a LF at the start of a line is the tail of the previous one.
            if (b == '\n' && length == 0)
            {
                continue;
            }

            if (length == line.Length)
            {
                throw new PjLinkProtocolException($"reply to {what} is longer than {PjLinkReplyParser.MaxLineLength} bytes");
            }

            line[length++] = b;
        }
    }
}
