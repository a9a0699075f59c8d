namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>The metric catalogue, version 1: the only computations a pack can select, by <c>name@major</c>.</summary>
public sealed class MetricCatalogue
{
    public const int CatalogueVersion = 1;

    private readonly Dictionary<string, IMetric> _metrics;

    public MetricCatalogue(IEnumerable<IMetric> metrics) => _metrics = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public static MetricCatalogue Default { get; } = new(
    [
        new EgressCapacityMetric(),
        new EgressCapacityPerClassMetric(),
        new RatioMetric(),
        new PerClassCoverageMetric(),
        new RoomCoverageMetric(),
        new LabSeatsMetric(),
        new SpaceCoverageMetric(),
        new ShareOfChildrenMetric(),
        new RoomsPerHundredStudentsMetric(),
    ]);

    public IEnumerable<string> Ids => _metrics.Keys.Order(StringComparer.Ordinal);

    public IMetric? Find(string id) => _metrics.GetValueOrDefault(id);
}
