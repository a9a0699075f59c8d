using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Fleet.RemoteConfig;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Messaging;
using ClassroomFleet.Messaging.Broker;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Extensions;

/// <summary>Wires the fleet: options, the MQTT transport, the InfluxDB client and batch writer, the ingest, and remote configuration (rollouts, commands, audit log).</summary>
public static class FleetHostingExtensions
{
    public static WebApplicationBuilder AddFleet(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FleetOptions>, FleetOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddOptions<InfluxClientOptions>().BindConfiguration("Influx").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InfluxClientOptions>, InfluxClientOptionsValidator>();
        builder.Services.AddOptions<InfluxBatchWriterOptions>().BindConfiguration(InfluxBatchWriterOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InfluxBatchWriterOptions>, InfluxBatchWriterOptionsValidator>();
        builder.Services.AddHttpClient<InfluxClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<InfluxClientOptions>>().Value.Timeout);

        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<IngestReadiness>();
        builder.Services.AddSingleton<QuarantineLog>();
        builder.Services.AddSingleton<AckPublisher>();
        builder.Services.AddSingleton(sp => new InfluxBatchWriter(
            sp.GetRequiredService<InfluxClient>(),
            sp.GetRequiredService<IOptions<InfluxBatchWriterOptions>>().Value,
            sp.GetRequiredService<QuarantineLog>(),
            sp.GetRequiredService<AckPublisher>(),
            sp.GetRequiredService<ILogger<InfluxBatchWriter>>(),
            sp.GetRequiredService<TimeProvider>()));

        builder.Services.AddSingleton<IAgentStatusObserver, AgentStatusRecorder>();
        builder.Services.AddCompliance();
        builder.AddFleetRegistryAndApi();

        // Mqtt:EmbeddedBroker:Enabled hosts the broker in-process (single-site installs, the quick start); first, so that
        // it listens before the fleet's own client connects.
        builder.AddEmbeddedMqttBroker();
        builder.AddMqttTransport();
        builder.Services.PostConfigure<MqttTransportOptions>(mqtt => mqtt.MaximumPacketSize = Math.Max(mqtt.MaximumPacketSize, TelemetryValidator.MaxTransportPacketBytes));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AckPublisher>());
        builder.Services.AddHostedService<TelemetryIngestService>();
        builder.AddRemoteConfigFleet();
        return builder;
    }

    public static WebApplication MapFleet(this WebApplication app)
    {
        app.MapGet("/healthz", (IMqttTransport transport, IngestReadiness ingest) => (transport.IsConnected, ingest.IsSubscribed) switch
        {
            (true, true) => Results.Ok(new { status = "ok" }),
            (false, _) => Results.Json(new { status = "mqtt disconnected" }, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Json(new { status = "starting: not yet subscribed to telemetry" }, statusCode: StatusCodes.Status503ServiceUnavailable),
        });
        app.MapFleetApiAndWeb();

        // The audit API shows a county's results to readers of that county only (another county's is not found).
        app.MapGroup("")
            .RequireAuthorization(FleetPolicies.Read)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.RouteValues.TryGetValue("county", out var county)
                && county is string code && !context.HttpContext.User.CanSee(code)
                    ? Results.NotFound()
                    : await next(context).ConfigureAwait(false))
            .MapComplianceApi();
        app.MapRemoteConfigApi();
        return app;
    }
}
