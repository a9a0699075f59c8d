namespace ClassroomFleet.Influx.Writing;

/// <summary>Told once per submission when every line of it is either stored or quarantined.</summary>
public interface IDeliveryListener
{
    ValueTask OnDeliveredAsync(DeliveryReport report, CancellationToken cancellationToken);
}

/// <summary>The fate of one submission: how many lines InfluxDB stored and how many were quarantined.</summary>
public sealed record DeliveryReport(object? Token, int Stored, int Quarantined)
{
    public int Lines => Stored + Quarantined;
}
