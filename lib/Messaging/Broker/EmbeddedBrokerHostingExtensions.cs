using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Broker;

// Configuration shape:
// "Mqtt": { "EmbeddedBroker": { "Enabled": true, "BindAddress": "0.0.0.0", "Port": 1883,
//   "PasswordFile": "/etc/classroomfleet/mqtt.passwd", "Roles": { "fleet": "Fleet", "ops": "Admin" } } }

/// <summary>Registers <see cref="EmbeddedBroker"/> as a hosted service when <c>Mqtt:EmbeddedBroker:Enabled</c> is true.</summary>
public static class EmbeddedBrokerHostingExtensions
{
    public static IHostApplicationBuilder AddEmbeddedMqttBroker(this IHostApplicationBuilder builder, string sectionName = EmbeddedBrokerOptions.SectionName)
    {
        builder.Services.AddOptions<EmbeddedBrokerOptions>().BindConfiguration(sectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedBrokerOptions>>(new EmbeddedBrokerOptionsValidator(sectionName)));
        if (builder.Configuration.GetSection(sectionName).GetValue<bool>(nameof(EmbeddedBrokerOptions.Enabled)))
        {
            builder.Services.TryAddSingleton<EmbeddedBroker>();
            // Registered before the transport's hosted service when called first, so the broker listens before clients connect.
            builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedBroker>());
        }

        return builder;
    }
}
