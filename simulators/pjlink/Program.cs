using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Simulators.PjLink;

// PJLink class 1/2 emulator for tests and the demo:
//   dotnet run --project simulators/pjlink -- --port 24352 [--count N] [--bind 127.0.0.2] [--password secret] [--class 1|2]
//     [--power 0|1|2|3] [--errors 000000] [--lamp-hours N|none] [--garbage]
// With --count N it emulates N devices on ports port .. port+N-1 (device k: serial SIM000k, name "Panel k").
// Prints "listening <ip>:<port>" per device when ready; reads control lines on stdin (see ControlCommands), which
// apply to every device, or to device k alone when prefixed "@k " (k from 0).
var options = SimulatorArguments.Parse(args);
var count = SimulatorArguments.Count(args);
if (options is null || count is null)
{
    await Console.Error.WriteLineAsync("usage: --port N [--count N] [--bind 127.0.0.x] [--password P] [--class 1|2] [--power 0-3] [--errors 000000] [--lamp-hours N|none] [--garbage]").ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var devices = new List<PjLinkDeviceState>();
var listeners = new List<TcpListener>();
for (var i = 0; i < count; i++)
{
    var device = i == 0 ? options.Value.Device : SimulatorArguments.Parse(args)!.Value.Device;
    if (count > 1)
    {
        device.Serial = string.Create(CultureInfo.InvariantCulture, $"SIM{i + 1:0000000}");
        device.Name = string.Create(CultureInfo.InvariantCulture, $"Panel {i + 1}");
    }

    var listener = new TcpListener(options.Value.Bind, options.Value.Port == 0 ? 0 : options.Value.Port + i);
    listener.Start();
    devices.Add(device);
    listeners.Add(listener);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening {options.Value.Bind}:{((IPEndPoint)listener.LocalEndpoint).Port}"));
}

_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
    {
        Console.WriteLine(ControlCommands.ApplyTo(devices, line.Trim()));
    }
});

try
{
    await Task.WhenAll(listeners.Select((listener, i) => AcceptAsync(listener, devices[i], stop.Token))).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
}
finally
{
    listeners.ForEach(l => l.Stop());
}

return 0;

static async Task AcceptAsync(TcpListener listener, PjLinkDeviceState device, CancellationToken cancellationToken)
{
    while (!cancellationToken.IsCancellationRequested)
    {
        var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
        _ = Task.Run(() => PjLinkConnection.ServeAsync(client, device, cancellationToken), cancellationToken);
    }
}
