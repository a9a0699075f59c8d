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
}
