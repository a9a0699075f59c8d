using ClassroomFleet.Agent.Cabinet;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Health;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Agent.Scheduling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Agent.Status;
using ClassroomFleet.Messaging;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Extensions;

/// <summary>Wires the agent: options, school file, pollers, scheduler, outbox, publisher, status, health and the MQTT transport.</summary>
public static class AgentHostingExtensions
{
    /// <summary>
    /// The whole agent service: polling into the durable outbox, publishing over MQTT with the fleet's acknowledgement,
    /// the retained status with its last will, the agent's own telemetry, /healthz + /metrics, and the cabinet module
    /// (off unless <c>Cabinet:Enabled</c>).
    /// Hosted services stop in reverse order: polling stops first, then status (goodbye), publishing, the outbox
    /// (flushed and closed), and the MQTT transport last; the whole stop is bounded by Agent:ShutdownTimeout.
    /// </summary>
    public static IHostApplicationBuilder AddAgent(this IHostApplicationBuilder builder)
    {
        builder.AddAgentPolling();
        builder.AddMqttTransport();
        builder.Services.AddSingleton<IPostConfigureOptions<MqttTransportOptions>, AgentWillConfigurator>();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<AgentOptions>>((host, agent) => host.ShutdownTimeout = agent.Value.ShutdownTimeout);
        builder.AddAgentOutbox();

        builder.Services.AddSingleton<PublishCounters>();
        builder.Services.AddSingleton<AckHandler>();
        builder.Services.AddHostedService<TelemetryPublisher>();
        builder.Services.TryAddSingleton<IConfigVersionSource, OptionsConfigVersionSource>();
        builder.Services.AddSingleton<AgentStatusFactory>();
        builder.Services.AddHostedService<AgentStatusPublisher>();
        builder.Services.AddHostedService<AgentSelfTelemetry>();
        builder.Services.AddSingleton<HealthServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HealthServer>());
        builder.Services.AddHostedService<PollScheduler>();

        // Remote configuration runs only when its section is present; the cabinet module is off unless Cabinet:Enabled.
        builder.AddRemoteConfig();
        builder.AddCabinetModule();
        return builder;
    }

    /// <summary>
    /// The outbox and the sink in front of it: the file outbox under <c>{Agent:StateDirectory}/outbox</c>, opened
    /// (recovered) at start. A test host may register another <see cref="IOutbox"/> first; it is kept.
    /// </summary>
    public static IHostApplicationBuilder AddAgentOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        builder.Services.TryAddSingleton<IOutbox>(sp => new FileOutbox(
            Path.Combine(sp.GetRequiredService<IOptions<AgentOptions>>().Value.StateDirectory, "outbox"),
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileOutbox>>()));
        builder.Services.AddHostedService<OutboxHostedService>();
        builder.Services.AddSingleton<PollActivity>();
        builder.Services.AddSingleton<ITelemetrySink, OutboxTelemetrySink>();
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
        builder.Services.AddHostedService<SchoolFileWatcher>();
        builder.Services.AddSingleton<DevicePollRunner>();

        builder.Services.AddSingleton(sp => new SnmpClient(new SnmpClientOptions(), sp.GetService<ILogger<SnmpClient>>()));
        builder.Services.AddClassroomDevicePollers();
        return builder;
    }
}
