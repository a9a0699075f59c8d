namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Percentiles by the nearest-rank method: the value at rank ⌈p/100 · n⌉ of the sorted samples, always one of the samples
/// (no interpolation). The median is the 50th percentile, so for an even count it is the lower middle value.
/// </summary>
public static class NearestRank
{
    public static double Percentile(Span<double> values, int percentile)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        values.Sort();
        var rank = (int)Math.Ceiling(percentile / 100.0 * values.Length);
        return values[Math.Clamp(rank, 1, values.Length) - 1];
    }
}
