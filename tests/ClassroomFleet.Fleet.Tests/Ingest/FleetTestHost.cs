using System.Globalization;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>A real fleet (Kestrel on 127.0.0.1:0, real MQTT and InfluxDB) in the test process.</summary>
public sealed class FleetTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FleetTestHost(WebApplication app) => _app = app;

    public IngestMetrics Metrics => _app.Services.GetRequiredService<IngestMetrics>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Every log line of Warning and above the fleet wrote.</summary>
    public CapturedLog Log { get; private init; } = new();

    public Task Subscribed => _app.Services.GetRequiredService<IngestReadiness>().Subscribed;

    public string DataDirectory { get; private init; } = "";

    public static Task<FleetTestHost> StartAsync(
        string mqttHost, int mqttPort, Uri influx, string database, string clientId, string sharedGroup,
        IDictionary<string, string?>? extra = null, CancellationToken cancellationToken = default) =>
        StartAsync(mqttHost, mqttPort, influx, database, clientId, sharedGroup, extra, new CapturedLog(), cancellationToken);

    /// <summary>As the other overload, logging into the caller's <paramref name="log"/>, which survives a start that fails.</summary>
    public static async Task<FleetTestHost> StartAsync(
        string mqttHost, int mqttPort, Uri influx, string database, string clientId, string sharedGroup,
        IDictionary<string, string?>? extra, CapturedLog log, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("cf-fleet-").FullName;
        var builder = WebApplication.CreateBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = clientId,
            ["Mqtt:CleanStart"] = "true",
            ["Fleet:SharedGroup"] = sharedGroup,
            ["Fleet:DataDirectory"] = data,
            ["Influx:BaseAddress"] = influx.ToString(),
            ["Influx:Database"] = database,
            ["Influx:Batching:FlushInterval"] = "00:00:00.200",
            ["Influx:Batching:MaxRetryDelay"] = "00:00:02",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(log);
        builder.AddFleet();
        var app = builder.Build();
        app.MapFleet();
        await app.StartAsync(cancellationToken);
        return new FleetTestHost(app) { DataDirectory = data, Log = log };
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await _app.StopAsync(stop.Token);
        }

        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
