namespace ClassroomFleet.Influx.Http;

/// <summary>The result of one InfluxQL statement.</summary>
public sealed record StatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series, string? Error);
