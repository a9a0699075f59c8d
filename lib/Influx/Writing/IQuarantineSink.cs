namespace ClassroomFleet.Influx.Writing;

/// <summary>Receives the lines InfluxDB refused for good, so that they never block the rest of their batch.</summary>
public interface IQuarantineSink
{
    ValueTask QuarantineAsync(QuarantinedLine line, CancellationToken cancellationToken);
}

/// <summary>A refused line (UTF-8 line protocol, final newline removed), the server's reason, and its submission's token.</summary>
public sealed record QuarantinedLine(ReadOnlyMemory<byte> Line, string Reason, int? StatusCode, object? Token)
{
    public string LineText => System.Text.Encoding.UTF8.GetString(Line.Span);
}
