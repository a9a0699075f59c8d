namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>The server is running another client's test (ACCESS_DENIED); try again later.</summary>
public sealed class Iperf3ServerBusyException : Iperf3Exception
{
    public Iperf3ServerBusyException()
    {
    }

    public Iperf3ServerBusyException(string message)
        : base(message)
    {
    }

    public Iperf3ServerBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
