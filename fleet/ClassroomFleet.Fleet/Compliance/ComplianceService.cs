using System.Diagnostics;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Runs an audit: facts and telemetry as of an instant, the packs in force for the county (or one named pack).</summary>
public sealed class ComplianceService
{
    private readonly ISchoolFactsSource _facts;
    private readonly IMeasurementSource _measurements;
    private readonly RulePackRepository _packs;
    private readonly CalendarStore _calendars;
    private readonly ILogger _logger;

    public ComplianceService(ISchoolFactsSource facts, IMeasurementSource measurements, RulePackRepository packs, CalendarStore calendars, ILogger<ComplianceService>? logger = null)
    {
        _facts = facts;
        _measurements = measurements;
        _packs = packs;
        _calendars = calendars;
        _logger = logger ?? NullLogger<ComplianceService>.Instance;
    }

    /// <exception cref="ComplianceRequestException">The county, pack or the county's calendar is unknown.</exception>
    public async Task<CountyEvaluation> EvaluateAsync(string county, string? packId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var facts = await _facts.GetCountyAsync(county, at, cancellationToken).ConfigureAwait(false)
            ?? throw new ComplianceRequestException($"unknown county '{county}'");
        var calendar = _calendars.Find(facts.CalendarId)
            ?? throw new ComplianceRequestException($"county {county} uses calendar '{facts.CalendarId}', which is not loaded");
        if (calendar.IsSchoolDay(ChinaTime.DateOf(at)) is null)
        {
            _logger.CalendarNotCovered(calendar.Id, ChinaTime.DateOf(at), county);
        }

        var set = _packs.Current;
        IReadOnlyList<ResolvedPack> packs = packId is null
            ? set.ForCounty(county)
            : [set.Resolve(packId) ?? throw new ComplianceRequestException($"unknown or rejected pack '{packId}'")];
        var from = ComplianceEvaluator.EarliestWindowStart(packs, calendar, at);
        var measurements = await _measurements.GetAsync(county, from, at, cancellationToken).ConfigureAwait(false);
        var evaluation = ComplianceEvaluator.Evaluate(facts, packs, measurements, calendar, at);
        var unknown = 0;
        foreach (var result in evaluation.Results)
        {
            unknown += result.State == ComplianceState.Unknown ? 1 : 0;
        }

        _logger.CountyEvaluated(county, at, evaluation.Results.Count, unknown, stopwatch.ElapsedMilliseconds);
        return evaluation;
    }
}
