namespace ClassroomFleet.Influx.Http;

/// <summary>What became of a write.</summary>
public enum WriteOutcome
{
    /// <summary>Every line was stored (204).</summary>
    Success,

    /// <summary>Nothing is known to be wrong with the lines: 5xx, 429, a timeout or a network error. Send them again later.</summary>
    Retryable,

    /// <summary>The server refused the request (4xx). Sending the same lines again gives the same answer.</summary>
    Rejected,
}
