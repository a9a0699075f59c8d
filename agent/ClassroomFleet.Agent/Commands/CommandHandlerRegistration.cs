using ClassroomFleet.Agent.Devices.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClassroomFleet.Agent.Commands;

/// <summary>The device command handlers (re-poll, bandwidth probe, PJLink power, relay power-cycle).</summary>
internal static class CommandHandlerRegistration
{
    public static IServiceCollection AddCommandHandlers(this IServiceCollection services)
    {
        services.TryAddSingleton(DeviceProfileCatalog.BuiltIn);
        services.TryAddSingleton<DeviceCredentials>();
        services.AddSingleton<ICommandHandler, RepollHandler>();
        services.AddSingleton<ICommandHandler, ProbeBandwidthHandler>();
        services.AddSingleton<ICommandHandler>(sp => new PanelPowerHandler(true, sp.GetRequiredService<School.SchoolFileProvider>(), sp.GetRequiredService<DeviceProfileCatalog>(), sp.GetRequiredService<DeviceCredentials>()));
        services.AddSingleton<ICommandHandler>(sp => new PanelPowerHandler(false, sp.GetRequiredService<School.SchoolFileProvider>(), sp.GetRequiredService<DeviceProfileCatalog>(), sp.GetRequiredService<DeviceCredentials>()));
        services.AddSingleton<ICommandHandler, PowerCycleHandler>();
        return services;
    }
}
