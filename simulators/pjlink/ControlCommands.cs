using System.Globalization;

namespace ClassroomFleet.Simulators.PjLink;

/// <summary>
/// Control lines read from stdin while the emulator runs (tests and the demo switch states this way):
/// <c>power 0|1|2|3</c>, <c>errors 002000</c>, <c>lamp-hours N|none</c>, <c>garbage on|off</c>, <c>busy on|off</c>,
/// <c>password TEXT|none</c>. Each accepted line is answered <c>ok</c> on stdout, a bad one <c>error: …</c>.
/// </summary>
public static class ControlCommands
{
    /// <summary>A line for every device, or for device k alone when it starts with <c>@k </c>.</summary>
    public static string ApplyTo(IReadOnlyList<PjLinkDeviceState> devices, string line)
    {
        if (line.StartsWith('@'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space > 1 && int.TryParse(line.AsSpan(1, space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < devices.Count
                ? Apply(devices[index], line[(space + 1)..].Trim())
                : $"error: no device '{line.Split(' ')[0]}'";
        }

        var answers = devices.Select(d => Apply(d, line)).ToList();
        return answers.FirstOrDefault(a => a != "ok") ?? "ok";
    }

    public static string Apply(PjLinkDeviceState device, string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        var value = parts.Length == 2 ? parts[1] : "";
        switch (parts[0])
        {
            case "power" when value is "0" or "1" or "2" or "3":
                device.Change(d => d.Power = value[0] - '0');
                return "ok";
            case "errors" when value.Length == 6 && value.All(c => c is '0' or '1' or '2'):
                device.Change(d => d.ErrorStatus = value);
                return "ok";
            case "lamp-hours" when value == "none":
                device.Change(d => d.LampHours = null);
                return "ok";
            case "lamp-hours" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours):
                device.Change(d => d.LampHours = hours);
                return "ok";
            case "garbage" when value is "on" or "off":
                device.Change(d => d.Garbage = value == "on");
                return "ok";
            case "busy" when value is "on" or "off":
                device.Change(d => d.Busy = value == "on");
                return "ok";
            case "password" when value.Length > 0:
                device.Change(d => d.Password = value == "none" ? null : value);
                return "ok";
            default:
                return $"error: unknown control line '{line}'";
        }
    }
}
