namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Parameters shared by the capacity metrics (POLICY-TARGETS §3).</summary>
public static class CapacityParameters
{
    public static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.Choice("capacity_basis", "verified", "contracted", "measured", "verified"),
        ParameterSpec.Choice("measured_statistic", "median", "median"),
        ParameterSpec.Number("measured_tolerance", 0.9m, 0.5m, 1m),
        ParameterSpec.Choice("direction", "down", "down", "up", "min"),
        ParameterSpec.Choice("measure_at", "access_link", "access_link", "internet"),
        ParameterSpec.IntegerMap("probe_min", new Dictionary<string, int> { ["samples"] = 10, ["distinct_days"] = 5 }),
    ];
}
