using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Registers remote configuration and commands on the agent. Needs what <c>AddAgent</c> registers (options, school
/// file provider, MQTT transport, poll runner and pollers). Config shape: see <see cref="RemoteConfigOptions"/>.
/// </summary>
public static class RemoteConfigRegistration
{
    public static IHostApplicationBuilder AddRemoteConfig(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RemoteConfigOptions>().BindConfiguration(RemoteConfigOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteConfigOptions>, RemoteConfigOptionsValidator>());
        if (!builder.Configuration.GetSection(RemoteConfigOptions.SectionName).GetValue("Enabled", true))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var agent = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<RemoteConfigOptions>>().Value;
            return new ConfigApplier(
                new RemoteConfigStore(Path.Combine(agent.StateDirectory, "remote-config")),
                sp.GetRequiredService<SchoolFileProvider>(),
                agent.SchoolFile,
                FleetKey.LoadPublicKey(options.FleetPublicKeyFile),
                options,
                agent.AgentId,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ConfigApplier>>());
        });
        services.AddSingleton<RemoteConfigService>();
        services.AddHostedService(sp => sp.GetRequiredService<RemoteConfigService>());
        services.AddSingleton<ICommandHandler, ConfigConfirmHandler>();
        services.AddCommandHandlers();
        services.AddSingleton<CommandDispatcher>();
        services.AddHostedService<CommandListener>();
        return builder;
    }
}
