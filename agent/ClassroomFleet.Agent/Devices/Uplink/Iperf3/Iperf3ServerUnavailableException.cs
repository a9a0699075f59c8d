namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>
/// The server refused or reset the control connection. A stock <c>iperf3 -s</c> closes its listening socket between
/// two tests, so a county server shared by many schools refuses now and then; try again later.
/// </summary>
public sealed class Iperf3ServerUnavailableException : Iperf3Exception
{
    public Iperf3ServerUnavailableException()
    {
    }

    public Iperf3ServerUnavailableException(string message)
        : base(message)
    {
    }

    public Iperf3ServerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
