namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>The server said something the iperf3 control protocol does not allow: unknown state, truncated or invalid JSON.</summary>
public sealed class Iperf3ProtocolException : Iperf3Exception
{
    public Iperf3ProtocolException()
    {
    }

    public Iperf3ProtocolException(string message)
        : base(message)
    {
    }

    public Iperf3ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
