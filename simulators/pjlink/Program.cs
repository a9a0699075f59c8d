using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Simulators.PjLink;

// PJLink class 1/2 emulator for tests and the demo:
//   dotnet run --project simulators/pjlink -- --port 24352 [--bind 127.0.0.2] [--password secret] [--class 1|2]
//     [--power 0|1|2|3] [--errors 000000] [--lamp-hours N|none] [--garbage]
// Prints "listening <ip>:<port>" when ready; reads control lines on stdin (see ControlCommands).
var options = SimulatorArguments.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("usage: --port N [--bind 127.0.0.x] [--password P] [--class 1|2] [--power 0-3] [--errors 000000] [--lamp-hours N|none] [--garbage]").ConfigureAwait(false);
    return 2;
}

var device = options.Value.Device;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var listener = new TcpListener(options.Value.Bind, options.Value.Port);
listener.Start();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening {options.Value.Bind}:{((IPEndPoint)listener.LocalEndpoint).Port}"));

_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
    {
        Console.WriteLine(ControlCommands.Apply(device, line.Trim()));
    }
});

try
{
    while (!stop.IsCancellationRequested)
    {
        var client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
        _ = Task.Run(() => PjLinkConnection.ServeAsync(client, device, stop.Token));
    }
}
catch (OperationCanceledException)
{
}
finally
{
    listener.Stop();
}

return 0;
