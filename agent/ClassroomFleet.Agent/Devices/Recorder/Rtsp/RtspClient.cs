using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ClassroomFleet.Agent.Devices.Profiles;

namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>
/// Sends RTSP <c>DESCRIBE</c> (RFC 2326 §10.2) and parses the SDP answer, answering one 401 challenge with the
/// credential. Responses are bounded (8 KiB of headers, 64 KiB of body) so that a broken device cannot exhaust memory.
/// </summary>
public static class RtspClient
{
    public const int DefaultPort = 554;
    public const int MaxHeaderBytes = 8 * 1024;
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<RtspDescribeResult> DescribeAsync(Uri uri, PasswordCredential? credential, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var tcp = new TcpClient { NoDelay = true };
            try
            {
                await tcp.ConnectAsync(uri.Host, uri.Port, deadline.Token).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new RtspException($"cannot connect to {uri.Host}:{uri.Port}: {ex.SocketErrorCode}", ex);
            }

            var stream = tcp.GetStream();
            var reader = new RtspResponseReader(stream);
            var target = uri.GetLeftPart(UriPartial.Path);
            var response = await SendAsync(stream, reader, target, 1, null, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == 401 && credential is not null && response.Header("WWW-Authenticate") is { } challenge)
            {
                var authorization = RtspDigestAuthentication.Authorize(challenge, "DESCRIBE", target, credential.User, credential.Password);
                response = await SendAsync(stream, reader, target, 2, authorization, deadline.Token).ConfigureAwait(false);
            }

            if (response.StatusCode != 200)
            {
                return new RtspDescribeResult(response.StatusCode, response.ReasonPhrase, null);
            }

            var type = response.Header("Content-Type") ?? "";
            if (!type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
            {
                throw new RtspProtocolException($"DESCRIBE answered 200 with Content-Type '{type}', not application/sdp");
            }

            return new RtspDescribeResult(200, response.ReasonPhrase, SdpParser.Parse(response.Body));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RtspException($"no RTSP answer from {uri.Host}:{uri.Port} within {timeout.TotalSeconds:0.#} s");
        }
        catch (IOException ex)
        {
            throw new RtspException($"RTSP connection to {uri.Host}:{uri.Port} lost: {ex.Message}", ex);
        }
    }

    private static async Task<RtspResponse> SendAsync(
        NetworkStream stream, RtspResponseReader reader, string target, int sequence, string? authorization, CancellationToken cancellationToken)
    {
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"DESCRIBE {target} RTSP/1.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {sequence}\r\n")
            .Append("Accept: application/sdp\r\n")
            .Append("User-Agent: ClassroomFleet-Agent\r\n");
        if (authorization is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);
        var response = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (response.Header("CSeq") is { } echoed && echoed.Trim() != sequence.ToString(CultureInfo.InvariantCulture))
        {
            throw new RtspProtocolException($"response CSeq {echoed} does not match request CSeq {sequence}");
        }

        return response;
    }
}
