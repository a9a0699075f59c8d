using System.Globalization;
using System.Net;

namespace ClassroomFleet.Simulators.PjLink;

/// <summary>Command-line arguments of the emulator. Only loopback (127.0.0.0/8) addresses may be bound.</summary>
public static class SimulatorArguments
{
    public const int MaxDevices = 256;

    /// <summary>How many devices to emulate (<c>--count</c>, 1 by default); null when the value is not 1 to 256.</summary>
    public static int? Count(string[] args)
    {
        var at = Array.IndexOf(args, "--count");
        if (at < 0)
        {
            return 1;
        }

        return at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxDevices
            ? count
            : null;
    }

    public static (IPAddress Bind, int Port, PjLinkDeviceState Device)? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var flag = args[i] == "--garbage";
            values[args[i][2..]] = flag ? "on" : i + 1 < args.Length ? args[++i] : "";
        }

        if (!values.TryGetValue("port", out var portText) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return null;
        }

        var bind = IPAddress.Loopback;
        if (values.TryGetValue("bind", out var bindText) && (!IPAddress.TryParse(bindText, out bind!) || !IPAddress.IsLoopback(bind)))
        {
            return null;
        }

        var device = new PjLinkDeviceState
        {
            Class = values.GetValueOrDefault("class") == "1" ? 1 : 2,
            Password = values.GetValueOrDefault("password"),
            Power = int.Parse(values.GetValueOrDefault("power", "1"), CultureInfo.InvariantCulture),
            ErrorStatus = values.GetValueOrDefault("errors", "000000"),
            Garbage = values.ContainsKey("garbage"),
        };
        if (values.TryGetValue("lamp-hours", out var lamp))
        {
            device.LampHours = lamp == "none" ? null : long.Parse(lamp, CultureInfo.InvariantCulture);
        }

        return (bind, port, device);
    }
}
