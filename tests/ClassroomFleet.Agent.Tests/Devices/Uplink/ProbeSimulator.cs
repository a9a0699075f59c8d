using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.Devices.Uplink;

/// <summary>Starts simulators/probe (the HTTP probe target) for one test.</summary>
internal static class ProbeSimulator
{
    public static Task<DeviceSimulatorProcess> StartAsync() => DeviceSimulatorProcess.StartAsync("probe", "cf-probe-sim", []);
}
