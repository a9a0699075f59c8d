using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Reports;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>
/// Every <see cref="ComplianceScheduleOptions.Interval"/>, evaluates each county the facts source knows as of now and as
/// of the end of each of the last <see cref="ComplianceScheduleOptions.RecheckDays"/> days, and writes the results to
/// InfluxDB as <c>compliance</c> points. Telemetry counts by sample time, so a closed day re-evaluated after an agent's
/// spool arrived gets the corrected verdict, and since the verdict is a field of a stable series, the point at that
/// instant is replaced. A failing county or write is logged and counted; the next county and the next run go ahead.
/// </summary>
public sealed class ComplianceScheduler : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ISchoolFactsSource _facts;
    private readonly InfluxClient _influx;
    private readonly ComplianceScheduleOptions _options;
    private readonly ComplianceSchedulerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ComplianceScheduler> _logger;

    public ComplianceScheduler(
        IServiceScopeFactory scopes,
        ISchoolFactsSource facts,
        InfluxClient influx,
        IOptions<ComplianceScheduleOptions> options,
        ComplianceSchedulerMetrics metrics,
        TimeProvider time,
        ILogger<ComplianceScheduler> logger)
    {
        _scopes = scopes;
        _facts = facts;
        _influx = influx;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>One pass over every known county; returns the number of points written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var instants = Instants(at, _options.RecheckDays);
        IReadOnlyList<string> counties;
        try
        {
            counties = await _facts.ListCountiesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.Failed("list");
            _logger.ScheduleListFailed(e);
            return 0;
        }

        var written = 0;
        foreach (var county in counties)
        {
            foreach (var instant in instants)
            {
                written += await RunCountyAsync(county, instant, cancellationToken).ConfigureAwait(false);
            }
        }

        _metrics.RunCompleted();
        _logger.ScheduleRunCompleted(at, counties.Count, written);
        return written;
    }

    /// <summary>Now, then 23:59:59 (Asia/Shanghai) of each of the <paramref name="recheckDays"/> days before today, newest first.</summary>
    public static IReadOnlyList<DateTimeOffset> Instants(DateTimeOffset now, int recheckDays)
    {
        var today = Calendar.ChinaTime.DateOf(now);
        var instants = new List<DateTimeOffset>(recheckDays + 1) { now };
        for (var day = 1; day <= recheckDays; day++)
        {
            instants.Add(Calendar.ChinaTime.EndOf(today.AddDays(-day)));
        }

        return instants;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(_options.FirstRunDelay, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(_options.Interval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> RunCountyAsync(string county, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var service = scope.ServiceProvider.GetRequiredService<ComplianceService>();
                var evaluation = await service.EvaluateAsync(county, null, at, cancellationToken).ConfigureAwait(false);
                using var buffer = new LineProtocolBuffer();
                ComplianceLineProtocol.WriteAll(buffer, evaluation.Results);
                var result = await _influx.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    _metrics.Failed("write");
                    _logger.ScheduleWriteFailed(county, result.StatusCode, result.Error);
                    return 0;
                }

                _metrics.CountyWritten(evaluation.Results.Count);
                return evaluation.Results.Count;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.Failed("evaluate");
            _logger.ScheduleCountyFailed(county, e);
            return 0;
        }
    }
}
