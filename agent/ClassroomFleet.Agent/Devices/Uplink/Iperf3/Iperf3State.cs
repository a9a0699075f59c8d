namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>The one-byte (signed) states of the iperf3 control connection, as iperf 3.x sends them.</summary>
public enum Iperf3State : sbyte
{
    TestStart = 1,
    TestRunning = 2,
    TestEnd = 4,
    ParamExchange = 9,
    CreateStreams = 10,
    ServerTerminate = 11,
    ClientTerminate = 12,
    ExchangeResults = 13,
    DisplayResults = 14,
    IperfStart = 15,
    IperfDone = 16,
    AccessDenied = -1,
    ServerError = -2,
}
