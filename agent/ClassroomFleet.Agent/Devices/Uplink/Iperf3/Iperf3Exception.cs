namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>An iperf3 test failed: no connection, the server refused or failed the test, or a deadline passed.</summary>
public class Iperf3Exception : Exception
{
    public Iperf3Exception()
    {
    }

    public Iperf3Exception(string message)
        : base(message)
    {
    }

    public Iperf3Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
