using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Switch;

internal static partial class SwitchLog
{
    [LoggerMessage(EventId = 2921, Level = LogLevel.Warning, Message = "Switch {Device}: forwarding tables unavailable ({Reason}); per-port series for uplinks only this poll")]
    public static partial void TablesUnavailable(this ILogger logger, string device, string reason);
}
