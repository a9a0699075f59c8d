using ClassroomFleet.Agent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// Wires the cabinet module: options (section <c>Cabinet</c>, see <see cref="CabinetOptions"/>), the GPIO driver
/// factory (a test host may register its own <see cref="IGpioDriverFactory"/> first), sensors, relays and the monitor.
/// Needs an <see cref="Publishing.ITelemetrySink"/> and a <see cref="TimeProvider"/> from the agent; the interlock's state
/// goes to <c>{Agent:StateDirectory}/cabinet/relays</c>.
/// With the module off (the default) nothing touches GPIO or sysfs and one log line says so.
/// </summary>
public static class CabinetRegistration
{
    public static IHostApplicationBuilder AddCabinetModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CabinetOptions>().BindConfiguration(CabinetOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CabinetOptions>, CabinetOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IGpioDriverFactory>(sp => new LibgpiodDriverFactory(sp.GetRequiredService<IOptions<CabinetOptions>>().Value.SysfsRoot));
        builder.Services.AddSingleton<CabinetHardware>();
        builder.Services.AddSingleton<CabinetSensors>();
        builder.Services.TryAddSingleton(sp => new RelayInterlockStore(
            RelayInterlockStore.Under(sp.GetRequiredService<IOptions<AgentOptions>>().Value.StateDirectory),
            sp.GetRequiredService<ILogger<RelayInterlockStore>>()));
        builder.Services.AddSingleton<ICabinetRelays, CabinetRelays>();
        builder.Services.AddHostedService<CabinetMonitor>();
        return builder;
    }
}
