namespace ClassroomFleet.Simulators.PjLink;

/// <summary>Answers one PJLink command body (after authentication), e.g. <c>%1POWR ?</c> → <c>%1POWR=1</c>.</summary>
public static class PjLinkCommandHandler
{
    public static string Answer(PjLinkDeviceState device, string command)
    {
        if (device.Read(d => d.Garbage))
        {
            return "HELLO THIS IS NOT PJLINK";
        }

        if (command.Length < 7 || command[0] != '%' || command[1] is not ('1' or '2') || command[6] != ' ')
        {
            // A line that is not a command at all; PJLink answers ERR1 with the header it could read, if any.
            var header = command.Length >= 6 ? command[..6] : "%1????";
            return $"{header}=ERR1";
        }

        var head = command[..6];
        var body = command[2..6];
        var parameter = command[7..];
        var commandClass = command[1] - '0';
        if (commandClass > device.Class)
        {
            return $"{head}=ERR1";
        }

        return parameter == "?" ? Query(device, head, commandClass, body) : Set(device, head, body, parameter);
    }

    private static string Query(PjLinkDeviceState device, string head, int commandClass, string body) => device.Read(d =>
    {
        if (d.Busy && body != "POWR" && body != "CLSS")
        {
            return $"{head}=ERR3";
        }

        var value = (commandClass, body) switch
        {
            (_, "POWR") => d.Power.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (_, "INPT") => d.Input,
            (1, "ERST") => d.ErrorStatus,
            (1, "LAMP") => d.LampHours is { } hours ? FormattableString.Invariant($"{hours} {(d.Power == 1 ? 1 : 0)}") : "ERR1",
            (1, "NAME") => d.Name,
            (1, "INF1") => d.Manufacturer,
            (1, "INF2") => d.Product,
            (1, "INFO") => d.Info,
            (1, "CLSS") => d.Class.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (2, "FILT") => d.FilterHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (2, "SNUM") => d.Serial,
            (2, "SVER") => d.SoftwareVersion,
            _ => "ERR1",
        };
        return $"{head}={value}";
    });

    private static string Set(PjLinkDeviceState device, string head, string body, string parameter)
    {
        if (body == "POWR" && parameter is "0" or "1")
        {
            device.Change(d => d.Power = parameter == "1" ? 1 : 0);
            return $"{head}=OK";
        }

        if (body == "INPT" && parameter.Length == 2)
        {
            device.Change(d => d.Input = parameter);
            return $"{head}=OK";
        }

        return $"{head}=ERR2";
    }
}
