using System.Globalization;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Influx.Tests.Http;

/// <summary>A fresh database on the shared influxd (CF_INFLUX_URL), dropped when the test ends.</summary>
public sealed class InfluxTestDatabase : IAsyncDisposable
{
    private readonly HttpClient _http;

    private InfluxTestDatabase(HttpClient http, InfluxClient client)
    {
        _http = http;
        Client = client;
    }

    public InfluxClient Client { get; }

    public string Name => Client.Options.Database;

    public static async Task<InfluxTestDatabase> CreateAsync(bool gzip = true)
    {
        var name = NewName();
        var http = new HttpClient();
        var database = new InfluxTestDatabase(http, new InfluxClient(http, Options(ServiceEndpoints.Influx, name, gzip)));
        await database.Client.CreateDatabaseAsync(name);
        return database;
    }

    public static string NewName() => "cf_test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];

    public static InfluxClientOptions Options(Uri baseAddress, string database, bool gzip = true) => new()
    {
        BaseAddress = baseAddress,
        Database = database,
        Gzip = gzip,
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Another client on the same database, e.g. without gzip.</summary>
    public InfluxClient CreateClient(bool gzip) => new(_http, Options(ServiceEndpoints.Influx, Name, gzip));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DropDatabaseAsync(Name);
        }
        finally
        {
            _http.Dispose();
        }
    }
}
