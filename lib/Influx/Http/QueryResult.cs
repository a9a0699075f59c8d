namespace ClassroomFleet.Influx.Http;

/// <summary>The answer to an InfluxQL request: one <see cref="StatementResult"/> per statement, in order.</summary>
public sealed class QueryResult
{
    public QueryResult(IReadOnlyList<StatementResult> statements, string? error)
    {
        Statements = statements;
        Error = error;
    }

    public IReadOnlyList<StatementResult> Statements { get; }

    /// <summary>An error for the whole request (the top-level <c>error</c> member), if any.</summary>
    public string? Error { get; }

    /// <summary>The first error, of the request or of any statement; null when every statement succeeded.</summary>
    public string? FirstError => Error ?? Statements.FirstOrDefault(s => s.Error is not null)?.Error;

    /// <summary>The series of the first statement (the common single-statement case).</summary>
    public IReadOnlyList<InfluxSeries> Series => Statements.Count == 0 ? [] : Statements[0].Series;

    /// <summary>
    /// Throws <see cref="InfluxQueryException"/> when the request or any statement failed; its status is 200, the answer
    /// that carried the error (a statement error is not a transport failure and asking again does not help).
    /// </summary>
    public QueryResult EnsureSuccess() =>
        FirstError is { } error ? throw new InfluxQueryException(error, statusCode: 200) : this;
}
