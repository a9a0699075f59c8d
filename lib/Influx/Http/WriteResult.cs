namespace ClassroomFleet.Influx.Http;

/// <summary>The answer to one <see cref="InfluxClient.WriteAsync"/>.</summary>
public sealed class WriteResult
{
    private WriteResult(WriteOutcome outcome, int? statusCode, string? error, TimeSpan? retryAfter, InfluxWriteError? details)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Error = error;
        RetryAfter = retryAfter;
        Details = details;
    }

    public static WriteResult Succeeded { get; } = new(WriteOutcome.Success, 204, null, null, null);

    public WriteOutcome Outcome { get; }

    public bool IsSuccess => Outcome == WriteOutcome.Success;

    public bool IsRetryable => Outcome == WriteOutcome.Retryable;

    public bool IsRejected => Outcome == WriteOutcome.Rejected;

    /// <summary>The HTTP status, or null when no response came (timeout, connection refused).</summary>
    public int? StatusCode { get; }

    /// <summary>The server's error text (the <c>error</c> member of its JSON body) or a description of the failure.</summary>
    public string? Error { get; }

    /// <summary>The server's Retry-After, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For a rejected write: the server's error text taken apart (partial write, dropped=N, unparsable lines).</summary>
    public InfluxWriteError? Details { get; }

    /// <summary>
    /// True when the rejection is about the lines themselves (400 bad line protocol or a partial write, 422 unprocessable,
    /// 413 too large), as opposed to the request (401/403 credentials, 404 database not found) which no line can fix.
    /// </summary>
    public bool IsRejectedForPoints => IsRejected && StatusCode is 400 or 413 or 422;

    public static WriteResult Retryable(int? statusCode, string error, TimeSpan? retryAfter) =>
        new(WriteOutcome.Retryable, statusCode, error, retryAfter, null);

    public static WriteResult Rejected(int statusCode, string error) =>
        new(WriteOutcome.Rejected, statusCode, error, null, InfluxWriteError.Parse(error));

    public override string ToString() => Outcome switch
    {
        WriteOutcome.Success => "Success",
        _ => $"{Outcome} ({StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"}): {Error}",
    };
}
