namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// One entry of the versioned metric catalogue: a fixed computation with typed parameters. Packs choose metrics and set
/// parameters; they cannot add computations. A semantic change to a metric is a new major version (name@2).
/// </summary>
public interface IMetric
{
    string Name { get; }

    int Version { get; }

    string Id => $"{Name}@{Version}";

    MetricEntity Entity { get; }

    IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>The unit the value is in for these parameters; a rule's compare.unit must equal it.</summary>
    string UnitFor(ParameterValues parameters);

    /// <summary>Whether the metric reads telemetry in the rule's window for these parameters.</summary>
    bool UsesTelemetry(ParameterValues parameters);

    /// <summary>Rule ids the metric reads the results of (a county share of a site rule); checked when packs are layered.</summary>
    IEnumerable<string> ReferencedRules(ParameterValues parameters) => [];

    MetricOutcome Evaluate(MetricContext context, ParameterValues parameters);
}
