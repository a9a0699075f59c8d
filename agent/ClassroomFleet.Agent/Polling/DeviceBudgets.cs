using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Polling;

/// <summary>
/// The time budget of one poll of a device: the device's <c>overrides.budget</c>, else its profile's <c>budget</c>,
/// else <c>Agent:DeviceBudget</c>. A bandwidth probe needs minutes where a panel needs seconds.
/// </summary>
public sealed class DeviceBudgets(DeviceProfileCatalog profiles, IOptions<AgentOptions> options)
{
    public TimeSpan For(DeviceEntry device)
    {
        try
        {
            return profiles.Resolve(device).Budget ?? options.Value.DeviceBudget;
        }
        catch (InvalidOperationException)
        {
            // No profile serves the kind: the poller will report that itself.
            return options.Value.DeviceBudget;
        }
    }
}
