using System.Diagnostics.Metrics;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Counters of the scheduled evaluation (meter <c>ClassroomFleet.Fleet.Compliance</c>), also readable in-process.</summary>
public sealed class ComplianceSchedulerMetrics : IDisposable
{
    public const string MeterName = "ClassroomFleet.Fleet.Compliance";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _runs;
    private readonly Counter<long> _counties;
    private readonly Counter<long> _points;
    private readonly Counter<long> _failures;
    private long _runCount;
    private long _countiesWritten;
    private long _pointsWritten;
    private long _failureCount;

    public ComplianceSchedulerMetrics()
    {
        _runs = _meter.CreateCounter<long>("cf_compliance_runs");
        _counties = _meter.CreateCounter<long>("cf_compliance_counties_written");
        _points = _meter.CreateCounter<long>("cf_compliance_points_written");
        _failures = _meter.CreateCounter<long>("cf_compliance_failures");
    }

    public long Runs => Interlocked.Read(ref _runCount);

    public long CountiesWritten => Interlocked.Read(ref _countiesWritten);

    public long PointsWritten => Interlocked.Read(ref _pointsWritten);

    public long Failures => Interlocked.Read(ref _failureCount);

    public void RunCompleted()
    {
        Interlocked.Increment(ref _runCount);
        _runs.Add(1);
    }

    public void CountyWritten(int points)
    {
        Interlocked.Increment(ref _countiesWritten);
        Interlocked.Add(ref _pointsWritten, points);
        _counties.Add(1);
        _points.Add(points);
    }

    public void Failed(string stage)
    {
        Interlocked.Increment(ref _failureCount);
        _failures.Add(1, new KeyValuePair<string, object?>("stage", stage));
    }

    public void Dispose() => _meter.Dispose();
}
