using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.Commands;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Fleet.Rollouts;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Registers remote configuration, rollouts, commands and the audit log on the fleet. Needs the MQTT transport, the
/// fleet options and the API's authentication/authorization (policies <see cref="Auth.FleetPolicies.Read"/> and
/// <see cref="Auth.FleetPolicies.PushConfig"/>). Config shape: see <see cref="RemoteConfigFleetOptions"/>.
/// </summary>
public static class RemoteConfigFleetRegistration
{
    public static WebApplicationBuilder AddRemoteConfigFleet(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RemoteConfigFleetOptions>().BindConfiguration(RemoteConfigFleetOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemoteConfigFleetOptions>, RemoteConfigFleetOptionsValidator>();
        services.AddSingleton(sp => new ConfigDatabase(Path.Combine(sp.GetRequiredService<IOptions<FleetOptions>>().Value.DataDirectory, "config.db")));
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<RemoteConfigFleetOptions>>().Value.SigningKeyFile;
            return string.IsNullOrWhiteSpace(configured)
                ? ConfigSigningKey.LoadOrCreate(Path.Combine(sp.GetRequiredService<IOptions<FleetOptions>>().Value.DataDirectory, ConfigSigningKey.DefaultFileName))
                : ConfigSigningKey.Load(configured);
        });
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IConfigPublisher, MqttConfigPublisher>();
        services.AddSingleton<ConfigPushService>();
        services.AddSingleton<RolloutEngine>();
        services.AddSingleton<CommandService>();
        services.AddSingleton<ReportedConfigHandler>();
        services.AddHostedService<RemoteConfigFleetService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRemoteConfigApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRemoteConfigApiEndpoints();
}
