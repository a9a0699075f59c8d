using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClassroomFleet.Simulators.RtspOnvif;

// RTSP + ONVIF recorder emulator on one loopback port (RTSP/1.0 and HTTP/1.1 requests are told apart by their version):
//   dotnet run --project simulators/rtsp-onvif -- --port 20554 [--bind 127.0.0.x] [--user admin --password secret]
//     [--path /live/main] [--no-stream] [--clock-offset SECONDS]
// stdin control lines: stream on|off, sdp ok|garbage, soap ok|garbage, clock-offset N.
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    values[args[i].TrimStart('-')] = args[i] == "--no-stream" ? "" : i + 1 < args.Length ? args[++i] : "";
}

if (!values.TryGetValue("port", out var portText) || !int.TryParse(portText, CultureInfo.InvariantCulture, out var port)
    || !IPAddress.TryParse(values.GetValueOrDefault("bind", "127.0.0.1"), out var bind) || !IPAddress.IsLoopback(bind))
{
    await Console.Error.WriteLineAsync("usage: --port N [--bind 127.0.0.x] [--user U --password P] [--path /live/main] [--no-stream] [--clock-offset S]").ConfigureAwait(false);
    return 2;
}

var state = new RecorderState
{
    User = values.GetValueOrDefault("user", "admin"),
    Password = values.GetValueOrDefault("password"),
    StreamPath = values.GetValueOrDefault("path", "/live/main"),
    StreamLive = !values.ContainsKey("no-stream"),
    ClockOffsetSeconds = long.Parse(values.GetValueOrDefault("clock-offset", "0"), CultureInfo.InvariantCulture),
};
var rtsp = new RtspHandler(state);
var onvif = new OnvifHandler(state);
using var stop = new CancellationTokenSource();
var listener = new TcpListener(bind, port);
listener.Start();
Console.WriteLine($"listening {bind}:{port}");
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
    {
        Console.WriteLine(state.Apply(line.Trim()));
    }
});

while (true)
{
    var client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
    _ = Task.Run(() => ServeAsync(client, stop.Token));
}

async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
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
