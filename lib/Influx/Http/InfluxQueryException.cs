namespace ClassroomFleet.Influx.Http;

/// <summary>A query or administrative statement failed: the server's error text, and the HTTP status if one came.</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxQueryException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }

    /// <summary>No answer, or one saying the server is overloaded or failing (429, 5xx): the same request may succeed later.</summary>
    public bool IsTransient => StatusCode is null or 429 or >= 500;

    /// <summary>The server refused the statement for the user's privileges (403, e.g. CREATE DATABASE by a non-admin).</summary>
    public bool IsForbidden => StatusCode == 403;
}
