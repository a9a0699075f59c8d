using System.Globalization;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>
/// The whole fleet (ingest, registry, API, web) in the test process: Kestrel on 127.0.0.1:0, the real mosquitto and
/// influxd of scripts/services.sh, the registry in a SQLite file in a temp folder.
/// </summary>
public sealed class RegistryFleetHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RegistryFleetHost(WebApplication app, string data, Uri baseAddress)
    {
        _app = app;
        DataDirectory = data;
        BaseAddress = baseAddress;
    }

    public IServiceProvider Services => _app.Services;

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public string InfluxDatabase { get; private init; } = "";

    public static async Task<RegistryFleetHost> StartAsync(IDictionary<string, string?>? extra = null, CancellationToken cancellationToken = default)
    {
        var data = Directory.CreateTempSubdirectory("cf-fleet-registry-").FullName;
        var (mqttHost, mqttPort) = ServiceEndpoints.Mqtt;
        var database = "cf_registry_test";
        var builder = WebApplication.CreateBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fleet-registry-test-" + Guid.NewGuid().ToString("N")[..8],
            ["Mqtt:CleanStart"] = "true",
            ["Fleet:SharedGroup"] = "registry-test-" + Guid.NewGuid().ToString("N")[..8],
            ["Fleet:DataDirectory"] = data,
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = database,
            ["Registry:SeenFlushInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleet();
        builder.AddFleetRegistryAndApi();
        var app = builder.Build();
        app.MapFleet();
        app.MapFleetApiAndWeb();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RegistryFleetHost(app, data, new Uri(address)) { InfluxDatabase = database };
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await _app.StopAsync(stop.Token);
        }

        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
