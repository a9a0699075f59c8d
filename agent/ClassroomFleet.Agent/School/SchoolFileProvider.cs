using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Holds the school file in force. A file that fails to load or validate is logged with its errors and leaves the
/// last good one in force; the agent keeps running either way. When a different valid file comes into force,
/// <see cref="Changed"/> is cancelled (and replaced), so that the scheduler re-plans its pollers without a restart.
/// </summary>
public sealed partial class SchoolFileProvider(IOptions<AgentOptions> options, ILogger<SchoolFileProvider> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private CancellationTokenSource _changed = new();

    public SchoolFile? Current { get; private set; }

    /// <summary>SHA-256 (hex) of the text of the file in force.</summary>
    public string? CurrentSha256 { get; private set; }

    /// <summary>Cancelled when a different school file comes into force.</summary>
    public CancellationToken Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Token;
            }
        }
    }

    public async Task<SchoolFile?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.SchoolFile;
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (sha == CurrentSha256)
            {
                return Current;
            }

            var file = SchoolFileLoader.Parse(text, path);
            CancellationTokenSource previous;
            lock (_lock)
            {
                Current = file;
                CurrentSha256 = sha;
                previous = _changed;
                _changed = new CancellationTokenSource();
            }

            await previous.CancelAsync().ConfigureAwait(false);
            previous.Dispose();
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

    public void Dispose() => _changed.Dispose();

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "School file {Path} in force: school {School}, {Devices} devices")]
    private static partial void LogLoaded(ILogger logger, string path, string school, int devices);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "School file {Path} rejected: {Reason} (keeping the last good file: {KeptLastGood})")]
    private static partial void LogRejected(ILogger logger, string path, string reason, bool keptLastGood);
}
