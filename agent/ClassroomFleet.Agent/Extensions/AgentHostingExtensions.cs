using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Switch;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Scheduling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Messaging;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Extensions;

/// <summary>Wires the agent: options, school file, pollers, scheduler, publisher and the MQTT transport.</summary>
public static class AgentHostingExtensions
{
    /// <summary>The whole agent service: polling, publishing over MQTT, and the background loops.</summary>
    public static IHostApplicationBuilder AddAgent(this IHostApplicationBuilder builder)
    {
        builder.AddAgentPolling();
        builder.AddMqttTransport();
        builder.Services.AddSingleton<TelemetryPublisher>();
        builder.Services.AddSingleton<ITelemetrySink>(sp => sp.GetRequiredService<TelemetryPublisher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryPublisher>());
        builder.Services.AddHostedService<PollScheduler>();
        return builder;
    }

    /// <summary>What polling needs and nothing more: also what the one-shot <c>poll --once</c> mode runs on.</summary>
    public static IHostApplicationBuilder AddAgentPolling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<SchoolFileProvider>();
        builder.Services.AddSingleton<DevicePollRunner>();

        builder.Services.AddSingleton(sp => new SnmpClient(new SnmpClientOptions(), sp.GetService<ILogger<SnmpClient>>()));
        builder.Services.AddSingleton<SnmpTargetFactory>();
        builder.Services.AddSingleton<IDevicePoller, SwitchPoller>();
        return builder;
    }
}
