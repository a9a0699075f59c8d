using System.Globalization;
using System.Net;
using System.Text;

namespace ClassroomFleet.Simulators.Probe;

/// <summary>Answers one probe request: a download of N bytes or an upload whose size is echoed back.</summary>
public static class ProbeHandler
{
    private const long MaxBytes = 1_000_000_000;
    private static readonly byte[] Block = CreateBlock();

    public static async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "/";
            if (context.Request.HttpMethod == "GET" && path == "/download")
            {
                if (!long.TryParse(context.Request.QueryString["bytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes is < 1 or > MaxBytes)
                {
                    await TextAsync(response, 400, "bytes must be 1 to 1000000000").ConfigureAwait(false);
                    return;
                }

                response.ContentType = "application/octet-stream";
                response.ContentLength64 = bytes;
                for (var left = bytes; left > 0; left -= Block.Length)
                {
                    await response.OutputStream.WriteAsync(Block.AsMemory(0, (int)Math.Min(Block.Length, left))).ConfigureAwait(false);
                }

                response.Close();
            }
            else if (context.Request.HttpMethod == "POST" && path == "/upload")
            {
                var buffer = new byte[64 * 1024];
                long received = 0;
                int read;
                while ((read = await context.Request.InputStream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    received += read;
                }

                await TextAsync(response, 200, received.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }
            else
            {
                await TextAsync(response, 404, "GET /download?bytes=N or POST /upload").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or InvalidOperationException)
        {
            // The client went away mid-transfer (a probe bounded by its duration does that on purpose).
            response.Abort();
        }
    }

    private static async Task TextAsync(HttpListenerResponse response, int status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    private static byte[] CreateBlock()
    {
        var block = new byte[64 * 1024];
        new Random(42).NextBytes(block);
        return block;
    }
}
