namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// Runs a profile's PJLink query list over one session and collects the answers. Class 2 queries are sent only to a
/// device that reports class 2 (CLSS); ERR1 ("not on this device") leaves the value empty.
/// </summary>
public static class PjLinkStatusReader
{
    public static async Task<PjLinkStatus> ReadAsync(
        PjLinkSession session, IReadOnlyList<string> commands, TimeSpan pacing, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var status = new PjLinkStatus();
        var failed = new List<string>();
        var first = true;
        foreach (var entry in commands)
        {
            var commandClass = entry[0] - '0';
            if (commandClass > status.Class)
            {
                continue;
            }

            if (!first && pacing > TimeSpan.Zero)
            {
                await Task.Delay(pacing, time, cancellationToken).ConfigureAwait(false);
            }

            first = false;
            var reply = await session.QueryAsync(commandClass, entry[1..], cancellationToken).ConfigureAwait(false);
            if (reply.IsError)
            {
                if (reply.Error != PjLinkError.UndefinedCommand)
                {
                    failed.Add($"{entry}:ERR{(int)reply.Error}");
                }

                continue;
            }

            status = Apply(status, reply);
        }

        return status with { FailedCommands = failed };
    }

    private static PjLinkStatus Apply(PjLinkStatus status, PjLinkReply reply) => reply.Command switch
    {
        "CLSS" => status with { Class = PjLinkValues.Class(reply.Value) },
        "POWR" => status with { Power = PjLinkValues.Power(reply.Value) },
        "INPT" => status with { Input = reply.Value },
        "ERST" => status with { Errors = PjLinkValues.ErrorStatus(reply.Value) },
        "LAMP" => status with { Lamps = PjLinkValues.Lamps(reply.Value) },
        "FILT" => status with { FilterHours = PjLinkValues.Hours("FILT", reply.Value) },
        "NAME" => status with { Name = reply.Value },
        "INF1" => status with { Manufacturer = reply.Value },
        "INF2" => status with { Product = reply.Value },
        "INFO" => status with { OtherInfo = reply.Value },
        "SNUM" => status with { SerialNumber = reply.Value },
        "SVER" => status with { SoftwareVersion = reply.Value },
        _ => status,
    };
}
