using ClassroomFleet.Agent.Devices.Panel;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Agent.Devices.Recorder.Onvif;
using ClassroomFleet.Agent.Polling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Extensions;

/// <summary>Registers the classroom device pollers: panel, projector (PJLink), recorder, PCs and the bandwidth probe.</summary>
public static class DevicePollerRegistration
{
    /// <summary>Needs <see cref="ClassroomFleet.Snmp.SnmpClient"/>, <see cref="Configuration.CredentialStore"/> and <see cref="TimeProvider"/> (AddAgentPolling).</summary>
    public static IServiceCollection AddClassroomDevicePollers(this IServiceCollection services)
    {
        services.AddSingleton(DeviceProfileCatalog.BuiltIn);
        services.AddSingleton<DeviceCredentials>();
        services.AddSingleton<HostResourcesReader>();
        services.AddSingleton(sp => new OnvifClient(DeviceHttp.Create(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDevicePoller, RecorderPoller>();
        services.AddSingleton<IDevicePoller>(sp => Panel(sp, "panel"));
        services.AddSingleton<IDevicePoller>(sp => Panel(sp, "projector"));
        return services;
    }

    private static PanelPoller Panel(IServiceProvider services, string kind) => new(
        kind,
        services.GetRequiredService<DeviceProfileCatalog>(),
        services.GetRequiredService<DeviceCredentials>(),
        services.GetRequiredService<HostResourcesReader>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<PanelPoller>>());
}
