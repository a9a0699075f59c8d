using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.RemoteConfig;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Holds the school file in force. A file that fails to load or validate is logged with its errors (file, line, field)
/// and leaves the last good one in force; the agent keeps running either way. Every file that comes into force is
/// also kept as <c>{Agent:StateDirectory}/school.last-good.yaml</c>, so that after a restart with a broken or missing
/// file the agent polls with the last good one instead of nothing. When a different valid file comes into force,
/// <see cref="Changed"/> is cancelled (and replaced), so that the scheduler re-plans its pollers without a restart.
/// </summary>
public sealed partial class SchoolFileProvider(IOptions<AgentOptions> options, ILogger<SchoolFileProvider> logger) : IDisposable
{
    public const string LastGoodFileName = "school.last-good.yaml";

    private readonly Lock _lock = new();

    // The scheduler, the watcher and remote configuration may reload at the same time: one reload at a time.
    private readonly SemaphoreSlim _reload = new(1, 1);
    private bool _lastGoodLeftoversRemoved;
    private CancellationTokenSource _changed = new();
    private long _rejected;
    private string? _currentText;

    public SchoolFile? Current { get; private set; }

    /// <summary>SHA-256 (hex) of the text of the file in force.</summary>
    public string? CurrentSha256 { get; private set; }

    /// <summary>The text of the file in force with its SHA-256, read together (null, null: none in force).</summary>
    public (string? Text, string? Sha256) CurrentText
    {
        get
        {
            lock (_lock)
            {
                return (_currentText, CurrentSha256);
            }
        }
    }

    /// <summary>True while the file in force is the last good copy rather than the configured file.</summary>
    public bool UsingLastGood { get; private set; }

    /// <summary>School files rejected since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>
    /// Off for the one-shot <c>poll --once</c>: a technician testing a file must see it fail, not the last good copy
    /// poll in its place, and the service's copy is left alone.
    /// </summary>
    public bool LastGoodEnabled { get; set; } = true;

    public string LastGoodPath => Path.Combine(options.Value.StateDirectory, LastGoodFileName);

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
        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReloadOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<SchoolFile?> ReloadOnceAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.SchoolFile;
        string? reason = null;
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var sha = Sha256(text);
            if (sha == CurrentSha256 && !UsingLastGood)
            {
                return Current;
            }

            var file = SchoolFileLoader.Parse(text, path);
            await PutInForceAsync(file, text, sha, lastGood: false).ConfigureAwait(false);
            LogLoaded(logger, path, file.School, file.Devices.Count);
            if (LastGoodEnabled)
            {
                await KeepAsLastGoodAsync(text, cancellationToken).ConfigureAwait(false);
            }

            return Current;
        }
        catch (SchoolFileException ex)
        {
            reason = ex.Message;
        }
        catch (IOException ex)
        {
            reason = ex.Message;
        }
        catch (UnauthorizedAccessException ex)
        {
            reason = ex.Message;
        }

        Interlocked.Increment(ref _rejected);
        if (Current is null && LastGoodEnabled)
        {
            await TryLastGoodAsync(cancellationToken).ConfigureAwait(false);
        }

        LogRejected(logger, path, reason, Current is not null);
        return Current;
    }

    public void Dispose()
    {
        _changed.Dispose();
        _reload.Dispose();
    }

    private async Task PutInForceAsync(SchoolFile file, string text, string sha, bool lastGood)
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            Current = file;
            CurrentSha256 = sha;
            _currentText = text;
            UsingLastGood = lastGood;
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        await previous.CancelAsync().ConfigureAwait(false);
        previous.Dispose();
    }

    private async Task TryLastGoodAsync(CancellationToken cancellationToken)
    {
        var path = LastGoodPath;
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var file = SchoolFileLoader.Parse(text, path);
            await PutInForceAsync(file, text, Sha256(text), lastGood: true).ConfigureAwait(false);
            LogUsingLastGood(logger, path, file.School, file.Devices.Count);
        }
        catch (Exception ex) when (ex is SchoolFileException or IOException or UnauthorizedAccessException)
        {
            LogLastGoodUnusable(logger, path, ex.Message);
        }
    }

    private async Task KeepAsLastGoodAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            if (!_lastGoodLeftoversRemoved)
            {
                // A kill -9 during an earlier run's write leaves its temporary copy; reloads are serialised, so none is ours.
                DurableFile.RemoveLeftoversOf(LastGoodPath);
                _lastGoodLeftoversRemoved = true;
            }

            await DurableFile.WriteAsync(LastGoodPath, Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file in force is good; only the copy for the next start is missing.
            LogLastGoodNotWritten(logger, LastGoodPath, ex.Message);
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "School file {Path} in force: school {School}, {Devices} devices")]
    private static partial void LogLoaded(ILogger logger, string path, string school, int devices);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "School file {Path} rejected: {Reason} (keeping the last good file: {KeptLastGood})")]
    private static partial void LogRejected(ILogger logger, string path, string? reason, bool keptLastGood);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Polling with the last good school file {Path}: school {School}, {Devices} devices")]
    private static partial void LogUsingLastGood(ILogger logger, string path, string school, int devices);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "The last good school file {Path} is unusable too: {Reason}")]
    private static partial void LogLastGoodUnusable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Could not keep the school file as {Path}: {Reason}")]
    private static partial void LogLastGoodNotWritten(ILogger logger, string path, string reason);
}
