using ClassroomFleet.Agent.Devices.AccessPoint;
using ClassroomFleet.Agent.Devices.Panel;
using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Agent.Devices.Recorder.Onvif;
using ClassroomFleet.Agent.Devices.Switch;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.Devices.Uplink;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Extensions;

/// <summary>
/// Registers one poller per device kind of the school file: switch, panel, projector (PJLink), recorder (RTSP/ONVIF),
/// the PC groups (pc, teacher_pc, student_pc), the bandwidth probe and the wireless access points, with what they share (profiles, credentials,
/// the switches' forwarding tables, one HttpClient for device protocols).
/// </summary>
public static class DevicePollerRegistration
{
    public static readonly string[] PcKinds = ["pc", "teacher_pc", "student_pc"];

    /// <summary>Needs <see cref="ClassroomFleet.Snmp.SnmpClient"/>, <see cref="Configuration.CredentialStore"/>, <see cref="SchoolFileProvider"/> and <see cref="TimeProvider"/> (AddAgentPolling).</summary>
    public static IServiceCollection AddClassroomDevicePollers(this IServiceCollection services)
    {
        services.AddSingleton(DeviceProfileCatalog.BuiltIn);
        services.AddSingleton<DeviceBudgets>();
        services.AddSingleton<DeviceCredentials>();
        services.AddSingleton<HostResourcesReader>();
        services.AddSingleton<DeviceHttpClient>();
        services.AddSingleton(sp => new OnvifClient(sp.GetRequiredService<DeviceHttpClient>().Client, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new HttpProbe(sp.GetRequiredService<DeviceHttpClient>().Client));
        services.AddSingleton<SnmpTargetFactory>();
        services.AddSingleton<ForwardingTableReader>();
        services.AddSingleton<SwitchTablesCache>();

        services.AddSingleton<IDevicePoller, SwitchPoller>();
        services.AddSingleton<IDevicePoller, RecorderPoller>();
        services.AddSingleton<IDevicePoller>(sp => Panel(sp, "panel"));
        services.AddSingleton<IDevicePoller>(sp => Panel(sp, "projector"));
        foreach (var kind in PcKinds)
        {
            services.AddSingleton<IDevicePoller>(sp => new PcPoller(
                kind,
                sp.GetRequiredService<DeviceProfileCatalog>(),
                sp.GetRequiredService<SchoolFileProvider>(),
                sp.GetRequiredService<SwitchTablesCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PcPoller>>()));
        }

        services.AddSingleton<IDevicePoller, ProbePoller>();
        services.AddSingleton<IDevicePoller, AccessPointPoller>();
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
