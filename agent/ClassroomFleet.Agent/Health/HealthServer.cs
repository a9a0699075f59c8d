using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Status;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Health;

/// <summary>
/// A deliberately tiny HTTP/1.x responder on <see cref="AgentOptions.HealthEndpoint"/> (loopback by default) serving
/// <c>GET /healthz</c> and <c>GET /metrics</c>, one request per connection (RFC 9112 §9.6 <c>Connection: close</c>).
/// Not Kestrel: the agent is a Worker SDK service that runs on the .NET runtime image of a small gateway, and the
/// ASP.NET Core shared framework would be added only for two read-only endpoints. Anything else gets 404/405.
/// </summary>
public sealed partial class HealthServer(
    IOutbox outbox,
    IMqttTransport transport,
    PollActivity activity,
    PublishCounters publishing,
    IConfigVersionSource configVersion,
    IOptions<AgentOptions> options,
    ILogger<HealthServer> logger) : BackgroundService
{
    private const int MaxRequestHead = 8 * 1024;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private TcpListener? _listener;

    /// <summary>The bound port (useful with port 0 in tests); null until started.</summary>
    public int? Port { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.HealthEndpoint))
        {
            var listener = new TcpListener(IPEndPoint.Parse(options.Value.HealthEndpoint));
            try
            {
                listener.Start();
                _listener = listener;
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                LogListening(logger, options.Value.HealthEndpoint, Port.Value);
            }
            catch (SocketException ex)
            {
                // The agent's job is polling and publishing; a taken port must not stop it.
                listener.Dispose();
                LogBindFailed(logger, options.Value.HealthEndpoint, ex.Message);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Stop();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client, stoppingToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            var (method, path) = await ReadRequestLineAsync(client, timeout.Token).ConfigureAwait(false);
            var (status, contentType, body) = Respond(method, path);
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
            await client.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (method != "HEAD")
            {
                await client.SendAsync(bytes, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            }

            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or FormatException)
        {
            LogBadRequest(logger, ex.Message);
        }
    }

    private (int Status, string ContentType, string Body) Respond(string method, string path)
    {
        if (method is not ("GET" or "HEAD"))
        {
            return (405, "text/plain", "method not allowed\n");
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        var route = query < 0 ? path : path[..query];
        switch (route)
        {
            case "/healthz":
                var (status, body) = HealthReport.Build(outbox.GetStats(), transport.IsConnected);
                return (status, "application/json", body);
            case "/metrics":
                return (200, PrometheusText.ContentType, PrometheusText.Build(outbox.GetStats(), publishing, transport.IsConnected, activity.LastSuccess(), configVersion.Current));
            default:
                return (404, "text/plain", "not found\n");
        }
    }

    // Reads up to the end of the request head; only the request line matters (RFC 9112 §3).
    private static async Task<(string Method, string Path)> ReadRequestLineAsync(Socket client, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHead];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        var head = Encoding.ASCII.GetString(buffer, 0, filled);
        var lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        var parts = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new FormatException("not an HTTP/1.x request line");
        }

        return (parts[0], parts[1]);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Status",
    };

    [LoggerMessage(EventId = 2450, Level = LogLevel.Information, Message = "Health and metrics on {Endpoint} (port {Port}): /healthz and /metrics")]
    private static partial void LogListening(ILogger logger, string endpoint, int port);

    [LoggerMessage(EventId = 2452, Level = LogLevel.Error, Message = "Health endpoint {Endpoint} could not be opened: {Reason}; running without /healthz and /metrics")]
    private static partial void LogBindFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 2451, Level = LogLevel.Debug, Message = "Health endpoint: request dropped ({Reason})")]
    private static partial void LogBadRequest(ILogger logger, string reason);
}
