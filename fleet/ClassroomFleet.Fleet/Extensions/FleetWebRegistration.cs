using System.Text.Json.Serialization;
using ClassroomFleet.Fleet.Api;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Extensions;

// Configuration shape (appsettings.json):
// "Registry": { "Provider": "sqlite", "ConnectionString": null, "SeenFlushInterval": "00:00:05" }

/// <summary>
/// Wires the registry (schema migrations at start, the MQTT feed of inventory and status, the telemetry sightings
/// writer). <see cref="FleetHostingExtensions.AddFleet"/> calls <see cref="AddFleetRegistryAndApi"/> and
/// <see cref="FleetHostingExtensions.MapFleet"/> calls <see cref="MapFleetApiAndWeb"/>; calling them twice is harmless.
/// </summary>
public static class FleetWebRegistration
{
    public static WebApplicationBuilder AddFleetRegistryAndApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RegistryMarker)))
        {
            return builder;
        }

        services.AddSingleton<RegistryMarker>();
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
            var connectionString = options.ConnectionString is { Length: > 0 } configured
                ? configured
                : $"Data Source={Path.Combine(sp.GetRequiredService<IOptions<FleetOptions>>().Value.DataDirectory, "registry.db")}";
            return new RegistryDatabase(options.Provider, connectionString);
        });
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<RegistryQueries>();
        services.AddSingleton<RegistryMetrics>();
        services.AddSingleton<RegisteredCounties>();

        // Registered before the feed and the writer: hosted services start in order, so the schema is current before use.
        services.AddHostedService<RegistryMigrationService>();
        services.AddSingleton<RegistryFeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryFeedService>());
        services.AddSingleton<CoalescingRegistryWriter>();
        services.AddSingleton<IRegistryWriter>(sp => sp.GetRequiredService<CoalescingRegistryWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<CoalescingRegistryWriter>());

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiTokenStore>();
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(FleetPolicies.Read, p => p.RequireRole(nameof(ApiRole.Admin), nameof(ApiRole.Technician), nameof(ApiRole.Auditor)))
            .AddPolicy(FleetPolicies.ManageTokens, p => p.RequireRole(nameof(ApiRole.Admin)))
            .AddPolicy(FleetPolicies.PushConfig, p => p.RequireRole(nameof(ApiRole.Admin), nameof(ApiRole.Technician)));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddTransient<ITelemetryReader, InfluxTelemetryReader>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    public static WebApplication MapFleetApiAndWeb(this WebApplication app)
    {
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.ContainsKey(nameof(ApiMapMarker)))
        {
            return app;
        }

        properties[nameof(ApiMapMarker)] = true;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapFleetApi();
        app.MapFleetWeb();
        return app;
    }

    private sealed class RegistryMarker;

    private sealed class ApiMapMarker;
}
