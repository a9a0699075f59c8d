using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>Reads RTSP responses (RFC 2326 §7): status line, headers, blank line, Content-Length bytes of body.</summary>
internal sealed class RtspResponseReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public async Task<RtspResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var headerBytes = 0;
        var statusLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        headerBytes += statusLine.Length;
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("RTSP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 599)
        {
            throw new RtspProtocolException($"not an RTSP status line: '{Printable(statusLine)}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            headerBytes += line.Length;
            if (headerBytes > RtspClient.MaxHeaderBytes)
            {
                throw new RtspProtocolException($"RTSP headers exceed {RtspClient.MaxHeaderBytes} bytes");
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new RtspProtocolException($"malformed RTSP header line '{Printable(line)}'");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            // Several WWW-Authenticate headers may offer Basic and Digest; Digest is preferred.
            if (!(headers.TryGetValue(name, out var existing) && name.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)
                && existing.StartsWith("Digest", StringComparison.OrdinalIgnoreCase)))
            {
                headers[name] = value;
            }
        }

        var length = 0;
        if (headers.TryGetValue("Content-Length", out var lengthText)
            && (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > RtspClient.MaxBodyBytes))
        {
            throw new RtspProtocolException($"Content-Length '{Printable(lengthText)}' is not a number up to {RtspClient.MaxBodyBytes}");
        }

        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            read += await ReadSomeAsync(body.AsMemory(read), cancellationToken).ConfigureAwait(false);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RtspProtocolException("the RTSP body is not UTF-8", ex);
        }

        return new RtspResponse(status, parts.Length > 2 ? parts[2] : "", headers, text);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= RtspClient.MaxHeaderBytes)
            {
                throw new RtspProtocolException($"an RTSP header line exceeds {RtspClient.MaxHeaderBytes} bytes");
            }

            line.Append((char)b);
        }
    }

    private async Task<int> ReadSomeAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsMemory(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _start = 0;
        if (_end == 0)
        {
            throw new RtspProtocolException("the server closed the connection in the middle of a response");
        }
    }

    private static string Printable(string text) =>
        new(text.Take(60).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
