namespace ClassroomFleet.Influx.Writing;

/// <summary>Counters of an <see cref="InfluxBatchWriter"/> since it started.</summary>
public sealed record InfluxBatchWriterStats(
    long Submissions,
    long SubmissionsDelivered,
    long LinesStored,
    long LinesQuarantined,
    long Requests,
    long RetryableFailures,
    long Bisections);
