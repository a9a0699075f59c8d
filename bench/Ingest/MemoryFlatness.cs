namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// The verdict on the fleet's memory over a soak: the least-squares line through the working-set samples taken after the
/// warm-up must rise, over the time they span, by less than <see cref="AllowedRiseMiB"/> MiB or
/// <see cref="AllowedRiseFraction"/> of the mean, whichever is larger. A leak of steady allocations shows as a slope;
/// the GC's saw-tooth does not move the line.
/// </summary>
internal sealed record MemoryFlatness(int Samples, double MeanMiB, double SlopeMiBPerMinute, double RiseMiB, double AllowedMiB)
{
    public const double AllowedRiseMiB = 16;
    public const double AllowedRiseFraction = 0.05;

    public bool IsFlat => RiseMiB <= AllowedMiB;

    public static MemoryFlatness Judge(IReadOnlyList<(TimeSpan At, long Bytes)> samples, TimeSpan warmup)
    {
        var points = samples.Where(s => s.At >= warmup).Select(s => (X: s.At.TotalMinutes, Y: s.Bytes / 1048576.0)).ToList();
        if (points.Count < 3)
        {
            throw new InvalidOperationException($"only {points.Count} memory samples after the warm-up of {warmup}: run a longer soak");
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxx == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        var span = points[^1].X - points[0].X;
        return new MemoryFlatness(points.Count, meanY, slope, slope * span, Math.Max(AllowedRiseMiB, AllowedRiseFraction * meanY));
    }

    public override string ToString() =>
        $"{(IsFlat ? "FLAT" : "GROWING")}: {Samples} samples after warm-up, mean {MeanMiB:N0} MiB, slope {SlopeMiBPerMinute:+0.00;-0.00} MiB/min, " +
        $"rise over the soak {RiseMiB:+0.0;-0.0} MiB (allowed {AllowedMiB:N1} MiB: {AllowedRiseMiB:N0} MiB or {AllowedRiseFraction:P0} of the mean, whichever is larger)";
}
