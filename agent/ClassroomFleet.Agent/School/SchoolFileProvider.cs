using ClassroomFleet.Agent.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Holds the school file in force. A file that fails to load or validate is logged with its errors and leaves the
/// last good one in force; the agent keeps running either way.
/// </summary>
public sealed partial class SchoolFileProvider(IOptions<AgentOptions> options, ILogger<SchoolFileProvider> logger)
{
    public SchoolFile? Current { get; private set; }

    public async Task<SchoolFile?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.SchoolFile;
        try
        {
            var file = await SchoolFileLoader.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            Current = file;
            LogLoaded(logger, path, file.School, file.Devices.Count);
        }
        catch (SchoolFileException ex)
        {
            LogRejected(logger, path, ex.Message, Current is not null);
        }
        catch (IOException ex)
        {
            LogRejected(logger, path, ex.Message, Current is not null);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogRejected(logger, path, ex.Message, Current is not null);
        }

        return Current;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "School file {Path} loaded: school {School}, {Devices} devices")]
    private static partial void LogLoaded(ILogger logger, string path, string school, int devices);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "School file {Path} rejected: {Reason} (keeping the last good file: {KeptLastGood})")]
    private static partial void LogRejected(ILogger logger, string path, string reason, bool keptLastGood);
}
