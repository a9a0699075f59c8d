using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClassroomFleet.Simulators.RtspOnvif;

// RTSP + ONVIF recorder emulator on loopback (RTSP/1.0 and HTTP/1.1 requests on one port are told apart by their version):
//   dotnet run --project simulators/rtsp-onvif -- --port 20554 [--count N] [--bind 127.0.0.x] [--user admin --password secret]
//     [--path /live/main] [--no-stream] [--clock-offset SECONDS]
// With --count N it emulates N recorders on ports port .. port+N-1 (recorder k: serial RX200-000k).
// stdin control lines: stream on|off, sdp ok|garbage, soap ok|garbage, clock-offset N; for every recorder, or for
// recorder k alone when prefixed "@k " (k from 0).
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    values[args[i].TrimStart('-')] = args[i] == "--no-stream" ? "" : i + 1 < args.Length ? args[++i] : "";
}

if (!values.TryGetValue("port", out var portText) || !int.TryParse(portText, CultureInfo.InvariantCulture, out var port)
    || !int.TryParse(values.GetValueOrDefault("count", "1"), CultureInfo.InvariantCulture, out var count) || count is < 1 or > 256
    || !IPAddress.TryParse(values.GetValueOrDefault("bind", "127.0.0.1"), out var bind) || !IPAddress.IsLoopback(bind))
{
    await Console.Error.WriteLineAsync("usage: --port N [--count N] [--bind 127.0.0.x] [--user U --password P] [--path /live/main] [--no-stream] [--clock-offset S]").ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();
var recorders = new List<RecorderState>();
var listeners = new List<TcpListener>();
for (var i = 0; i < count; i++)
{
    var state = new RecorderState
    {
        User = values.GetValueOrDefault("user", "admin"),
        Password = values.GetValueOrDefault("password"),
        StreamPath = values.GetValueOrDefault("path", "/live/main"),
        StreamLive = !values.ContainsKey("no-stream"),
        ClockOffsetSeconds = long.Parse(values.GetValueOrDefault("clock-offset", "0"), CultureInfo.InvariantCulture),
        Serial = count == 1 ? "RX200-0042" : string.Create(CultureInfo.InvariantCulture, $"RX200-{i + 1:0000}"),
    };
    var listener = new TcpListener(bind, port == 0 ? 0 : port + i);
    listener.Start();
    recorders.Add(state);
    listeners.Add(listener);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening {bind}:{((IPEndPoint)listener.LocalEndpoint).Port}"));
}

_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
    {
        Console.WriteLine(Control(line.Trim()));
    }
});

await Task.WhenAll(listeners.Select((listener, i) => AcceptAsync(listener, new RtspHandler(recorders[i]), new OnvifHandler(recorders[i]), stop.Token))).ConfigureAwait(false);
return 0;

string Control(string line)
{
    if (line.StartsWith('@'))
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 1 && int.TryParse(line.AsSpan(1, space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < recorders.Count
            ? recorders[index].Apply(line[(space + 1)..].Trim())
            : $"error: no recorder '{line.Split(' ')[0]}'";
    }

    return recorders.Select(r => r.Apply(line)).FirstOrDefault(a => a != "ok") ?? "ok";
}

static async Task AcceptAsync(TcpListener listener, RtspHandler rtsp, OnvifHandler onvif, CancellationToken cancellationToken)
{
    while (true)
    {
        var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
        _ = Task.Run(() => ServeAsync(client, rtsp, onvif, cancellationToken), cancellationToken);
    }
}

static async Task ServeAsync(TcpClient client, RtspHandler rtsp, OnvifHandler onvif, CancellationToken cancellationToken)
{
    using (client)
    {
        var stream = client.GetStream();
        var reader = new BufferedReader(stream);
        try
        {
            while (await TextRequest.ReadAsync(reader, cancellationToken).ConfigureAwait(false) is { } request)
            {
                if (request.Version == "RTSP/1.0")
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(rtsp.Answer(request)), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var (status, body) = onvif.Answer(request);
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request")}\r\n"
                    + $"Content-Type: application/soap+xml; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or FormatException)
        {
            Console.WriteLine($"request rejected: {ex.Message}");
        }
    }
}
