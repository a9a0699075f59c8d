using System.Globalization;
using System.Net;
using ClassroomFleet.Simulators.Probe;

// The county HTTP probe target for tests and the demo (the iperf3 target is a stock `iperf3 -s`):
//   dotnet run --project simulators/probe -- --port 28080 [--bind 127.0.0.x]
//   GET /download?bytes=N   streams N bytes (at most 1 GB)
//   POST /upload            reads the body and answers with the number of bytes it received
// Prints "listening <ip>:<port>" when ready.
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    values[args[i].TrimStart('-')] = args[i + 1];
}

if (!values.TryGetValue("port", out var portText) || !int.TryParse(portText, CultureInfo.InvariantCulture, out var port)
    || !IPAddress.TryParse(values.GetValueOrDefault("bind", "127.0.0.1"), out var bind) || !IPAddress.IsLoopback(bind))
{
    await Console.Error.WriteLineAsync("usage: --port N [--bind 127.0.0.x]").ConfigureAwait(false);
    return 2;
}

using var listener = new HttpListener();
listener.Prefixes.Add($"http://{bind}:{port}/");
listener.Start();
Console.WriteLine($"listening {bind}:{port}");
while (listener.IsListening)
{
    var context = await listener.GetContextAsync().ConfigureAwait(false);
    _ = Task.Run(() => ProbeHandler.ServeAsync(context));
}

return 0;
