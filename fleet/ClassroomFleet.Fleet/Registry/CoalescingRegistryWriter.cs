using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Coalesces telemetry sightings in memory (one per device, the latest time wins) and writes them to the registry in one
/// transaction every <see cref="RegistryOptions.SeenFlushInterval"/>, and once more at stop. When a write fails the
/// sightings go back into the buffer for the next flush. At most <see cref="RegistryOptions.MaxPendingSeen"/> devices are
/// held; sightings of further devices are dropped and counted (the next poll brings them again).
/// </summary>
public sealed class CoalescingRegistryWriter : BackgroundService, IRegistryWriter
{
    private readonly RegistryStore _store;
    private readonly RegistryMetrics _metrics;
    private readonly RegistryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CoalescingRegistryWriter> _logger;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<(string School, string Device), TelemetrySeen> _pending = [];
    private bool _overflowLogged;

    public CoalescingRegistryWriter(RegistryStore store, RegistryMetrics metrics, IOptions<RegistryOptions> options, TimeProvider time, ILogger<CoalescingRegistryWriter> logger)
    {
        _store = store;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Devices waiting for the next flush.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    public ValueTask RecordTelemetrySeenAsync(string county, string school, string device, string kind, string agent, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        var seen = new TelemetrySeen(county, school, device, kind, agent, time);
        lock (_lock)
        {
            Merge(seen);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Writes what is pending now. Concurrent calls run one after the other.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Dictionary<(string, string), TelemetrySeen> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = [];
                _overflowLogged = false;
            }

            try
            {
                await _store.RecordSeenAsync(batch.Values, cancellationToken).ConfigureAwait(false);
                _metrics.SightingsWritten(batch.Count);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException)
            {
                if (ex is System.Data.Common.DbException)
                {
                    _logger.SightingsFlushFailed(ex, batch.Count);
                }

                lock (_lock)
                {
                    foreach (var seen in batch.Values)
                    {
                        Merge(seen);
                    }
                }

                if (ex is OperationCanceledException)
                {
                    throw;
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SeenFlushInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await FlushAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    // Called under _lock.
    private void Merge(TelemetrySeen seen)
    {
        var key = (seen.School, seen.Device);
        if (_pending.TryGetValue(key, out var existing))
        {
            if (seen.Time >= existing.Time)
            {
                _pending[key] = seen;
            }

            return;
        }

        if (_pending.Count >= _options.MaxPendingSeen)
        {
            _metrics.SightingDropped();
            if (!_overflowLogged)
            {
                _overflowLogged = true;
                _logger.SightingsOverflow(_options.MaxPendingSeen);
            }

            return;
        }

        _pending[key] = seen;
    }
}
