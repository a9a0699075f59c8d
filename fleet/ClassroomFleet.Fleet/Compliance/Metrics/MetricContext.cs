using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Everything a metric may read for one site (or, for a county metric, the county) at one instant.</summary>
public sealed class MetricContext
{
    public required CountyFacts County { get; init; }

    /// <summary>The site evaluated; null for a county metric.</summary>
    public SiteFacts? Site { get; init; }

    public required SiteMeasurements Measurements { get; init; }

    /// <summary>The rule's window; null when the calendar does not cover it.</summary>
    public EvaluationWindow? Window { get; init; }

    public required DateTimeOffset At { get; init; }

    public required TimeSpan RegistryMaxAge { get; init; }

    /// <summary>Teaching points sharing a parent's uplink, by parent site id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SiteFacts>> SharedTeachingPoints { get; init; }

    /// <summary>For county metrics: the states of the sites for each site rule already evaluated.</summary>
    public IChildResults? Children { get; init; }

    public SiteFacts RequiredSite => Site ?? throw new InvalidOperationException("a site metric was evaluated without a site");
}
