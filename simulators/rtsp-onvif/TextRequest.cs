using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Simulators.RtspOnvif;

/// <summary>An RTSP or HTTP/1.1 request: request line, headers, Content-Length body (bounded to 1 MiB).</summary>
public sealed record TextRequest(string Method, string Target, string Version, Dictionary<string, string> Headers, string Body)
{
    public static async Task<TextRequest?> ReadAsync(BufferedReader reader, CancellationToken cancellationToken)
    {
        var requestLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"bad request line '{requestLine}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        if (length > 1 << 20)
        {
            throw new InvalidDataException("body too large");
        }

        var body = await reader.ReadBytesAsync(length, cancellationToken).ConfigureAwait(false);
        return new TextRequest(parts[0], parts[1], parts[2], headers, Encoding.UTF8.GetString(body));
    }
}
