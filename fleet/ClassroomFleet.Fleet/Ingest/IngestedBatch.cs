namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// The token the ingest hands to the InfluxDB batch writer with a telemetry batch's lines; it comes back in the delivery
/// report, which is when the agent gets its acknowledgement.
/// </summary>
public sealed record IngestedBatch(string County, string School, string Device, string Kind, string Agent, long Sequence, int Points);
