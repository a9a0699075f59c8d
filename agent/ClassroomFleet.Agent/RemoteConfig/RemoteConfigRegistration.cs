using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Registers remote configuration and commands on the agent when the <c>RemoteConfig</c> section is present (and not
/// <c>"Enabled": false</c>); without it the agent runs on its local school file alone. Needs what <c>AddAgent</c>
/// registers (options, school file provider, MQTT transport, poll runner and pollers). Config shape: see
/// <see cref="RemoteConfigOptions"/>.
/// </summary>
public static class RemoteConfigRegistration
{
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RemoteConfigOptions.SectionName);
        return section.Exists() && section.GetValue("Enabled", true);
    }

    public static IHostApplicationBuilder AddRemoteConfig(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<RemoteConfigOptions>().BindConfiguration(RemoteConfigOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteConfigOptions>, RemoteConfigOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The state folder is known from configuration alone: the post-configure steps below run before any option is read.
        var stateDirectory = builder.Configuration[$"{AgentOptions.SectionName}:{nameof(AgentOptions.StateDirectory)}"] ?? new AgentOptions().StateDirectory;
        var store = new RemoteConfigStore(Path.Combine(stateDirectory, "remote-config"));
        services.AddSingleton(store);
        services.AddSingleton<IPostConfigureOptions<AgentOptions>, ManagedSchoolFile>();
        services.AddSingleton<AppliedAgentSettings>();
        services.AddSingleton<IPostConfigureOptions<MqttTransportOptions>>(sp => sp.GetRequiredService<AppliedAgentSettings>());
        services.TryAddSingleton<IAgentSettingsTarget>(sp => new MqttEndpointSwitch(sp.GetRequiredService<MqttTransport>(), sp.GetRequiredService<AppliedAgentSettings>()));
        services.AddSingleton(sp =>
        {
            var agent = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<RemoteConfigOptions>>().Value;
            return new ConfigApplier(
                store,
                sp.GetRequiredService<SchoolFileProvider>(),
                agent.SchoolFile,
                FleetKey.LoadPublicKey(options.FleetPublicKeyFile),
                options,
                agent.AgentId,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ConfigApplier>>(),
                sp.GetRequiredService<IAgentSettingsTarget>());
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
