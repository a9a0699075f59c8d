namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Whether a metric computes a value per site or per county.</summary>
public enum MetricEntity
{
    Site,
    County,
}
