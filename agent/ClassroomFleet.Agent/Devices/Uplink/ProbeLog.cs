using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Uplink;

internal static partial class ProbeLog
{
    [LoggerMessage(EventId = 2911, Level = LogLevel.Warning, Message = "Probe {Device}: iperf3 server {Server} still busy after {Attempts} attempts; run skipped")]
    public static partial void ServerBusy(this ILogger logger, string device, string server, int attempts);

    [LoggerMessage(EventId = 2912, Level = LogLevel.Warning, Message = "Probe {Device}: iperf3 server {Server} still refusing after {Attempts} attempts ({Reason}); run skipped")]
    public static partial void ServerUnavailable(this ILogger logger, string device, string server, int attempts, string reason);
}
