using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging;

// Configuration shape (appsettings.json):
// "Mqtt": {
//   "Host": "mqtt.county.example", "Port": 8883, "ClientId": "3301020001", "Username": "3301020001", "Password": "…",
//   "ProtocolVersion": "5.0", "CleanStart": false, "SessionExpiry": "1.00:00:00", "KeepAlive": "00:00:30",
//   "MaximumPacketSize": 262144, "OutgoingQueueCapacity": 10000, "MaximumInflight": 64, "ReceiveMaximum": 100, "SocketBufferBytes": 262144,
//   "ReconnectMinDelay": "00:00:01", "ReconnectMaxDelay": "00:02:00", "HandlerTimeout": "00:00:30",
//   "Tls": { "Enabled": true, "CaFile": "/etc/classroomfleet/ca.pem", "ClientCertFile": "…", "ClientKeyFile": "…" },
//   "Will": { "Topic": "cf/v1/330102/3301020001/status", "Payload": "{\"online\":false}", "Retain": true, "Qos": "AtLeastOnce" }
// }

/// <summary>Registers the MQTT transport: options bound and validated at start, one <see cref="IMqttTransport"/>, started and stopped with the host.</summary>
public static class MqttTransportHostingExtensions
{
    public static IHostApplicationBuilder AddMqttTransport(this IHostApplicationBuilder builder, string sectionName = MqttTransportOptions.SectionName)
    {
        builder.Services.AddMqttTransport(sectionName);
        return builder;
    }

    public static IServiceCollection AddMqttTransport(this IServiceCollection services, string sectionName = MqttTransportOptions.SectionName)
    {
        services.AddOptions<MqttTransportOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttTransportOptions>>(new MqttTransportOptionsValidator(sectionName)));
        services.TryAddSingleton(provider => new MqttTransport(
            provider.GetRequiredService<IOptions<MqttTransportOptions>>().Value,
            provider.GetRequiredService<ILogger<MqttTransport>>()));
        services.TryAddSingleton<IMqttTransport>(provider => provider.GetRequiredService<MqttTransport>());
        services.AddHostedService<MqttTransportHostedService>();
        return services;
    }
}
