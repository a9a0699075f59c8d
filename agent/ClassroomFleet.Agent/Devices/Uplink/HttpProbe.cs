using System.Diagnostics;
using System.Globalization;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>
/// A bounded HTTP transfer against the county probe target: <c>GET {base}download?bytes=N</c> and
/// <c>POST {base}upload</c>, split over parallel streams. Each transfer stops at its byte count or at the duration,
/// whichever comes first; the rate is what arrived (download) or what the server acknowledged (upload) over the
/// elapsed time.
/// </summary>
public sealed class HttpProbe(HttpClient http)
{
    public async Task<TransferResult> DownloadAsync(Uri baseUri, long bytes, int streams, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var each = Math.Max(1, bytes / streams);
        var counts = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => DownloadOneAsync(new Uri(baseUri, string.Create(CultureInfo.InvariantCulture, $"download?bytes={each}")), bound.Token))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new TransferResult(counts.Sum(), Stopwatch.GetElapsedTime(started));
    }

    public async Task<TransferResult> UploadAsync(Uri baseUri, long bytes, int streams, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var each = Math.Max(1, bytes / streams);
        var counts = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => UploadOneAsync(new Uri(baseUri, "upload"), each, bound.Token))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new TransferResult(counts.Sum(), Stopwatch.GetElapsedTime(started));
    }

    private async Task<long> DownloadOneAsync(Uri uri, CancellationToken bound)
    {
        long received = 0;
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, bound).ConfigureAwait(false);
            EnsureSuccess(response, uri);
            var stream = await response.Content.ReadAsStreamAsync(bound).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, bound).ConfigureAwait(false)) > 0)
                {
                    received += read;
                }
            }
        }
        catch (OperationCanceledException) when (received > 0)
        {
            // The duration bound ended the transfer: what arrived so far counts.
        }
        catch (HttpRequestException ex)
        {
            throw new ProbeException($"HTTP download from {uri} failed: {ex.Message}", ex);
        }

        return received;
    }

    private async Task<long> UploadOneAsync(Uri uri, long bytes, CancellationToken bound)
    {
        var content = new CountingContent(bytes);
        try
        {
            using var response = await http.PostAsync(uri, content, bound).ConfigureAwait(false);
            EnsureSuccess(response, uri);
            var body = await response.Content.ReadAsStringAsync(bound).ConfigureAwait(false);
            return long.TryParse(body.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var acknowledged)
                ? acknowledged
                : throw new ProbeException($"HTTP upload to {uri}: the target answered '{Shorten(body)}', not the byte count it received");
        }
        catch (OperationCanceledException) when (content.Sent > 0)
        {
            return content.Sent;
        }
        catch (HttpRequestException ex)
        {
            throw new ProbeException($"HTTP upload to {uri} failed: {ex.Message}", ex);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, Uri uri)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ProbeException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
