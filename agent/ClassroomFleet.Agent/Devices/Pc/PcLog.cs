using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Pc;

internal static partial class PcLog
{
    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "PC group {Device}: the tables of switch {Switch} are unavailable ({Reason}); falling back to ICMP")]
    public static partial void TablesUnavailable(this ILogger logger, string device, string @switch, string reason);
}
