using Microsoft.Extensions.Hosting;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Re-reads the school file every few seconds, so that a technician's edit on the gateway (or a configuration applied
/// by the remote-configuration path) comes into force without a restart. A rejected edit leaves the last good file.
/// </summary>
public sealed class SchoolFileWatcher(SchoolFileProvider provider, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
