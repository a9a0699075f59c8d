using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>Log events of the recorder poller (event IDs 2750–2799).</summary>
internal static partial class RecorderLog
{
    [LoggerMessage(EventId = 2750, Level = LogLevel.Warning, Message = "Recorder {Device}: malformed {Protocol} answer rejected: {Reason}")]
    public static partial void MalformedAnswer(this ILogger logger, string device, string protocol, string reason);

    [LoggerMessage(EventId = 2751, Level = LogLevel.Warning, Message = "Recorder {Device}: {Protocol} failed: {Reason}")]
    public static partial void ProtocolFailed(this ILogger logger, string device, string protocol, string reason);

    [LoggerMessage(EventId = 2752, Level = LogLevel.Warning, Message = "Recorder {Device}: RTSP answers but offers no live stream")]
    public static partial void NoLiveStream(this ILogger logger, string device);
}
