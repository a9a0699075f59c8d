using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.Devices.Panel;

/// <summary>Starts simulators/pjlink (the PJLink emulator) for one test.</summary>
internal static class PjLinkSimulator
{
    public static Task<DeviceSimulatorProcess> StartAsync(params string[] arguments) =>
        DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", arguments);
}
