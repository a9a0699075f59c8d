using System.Net.Http.Headers;
using ClassroomFleet.Contracts;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Tests.Registry;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Api;

/// <summary>
/// One fleet for the API and web tests: two counties with a school each in the registry, device and uplink points in the
/// real influxd, and a token per role (configured by hash in <c>Auth:Tokens</c>).
/// </summary>
public sealed class ApiFleetFixture : IAsyncLifetime
{
    public const string AdminAll = "cft_test-admin-all";
    public const string AdminOwn = "cft_test-admin-own";
    public const string TechnicianOwn = "cft_test-technician-own";
    public const string AuditorOwn = "cft_test-auditor-own";

    public string OwnCounty { get; } = RegistryTestData.NewCounty();

    public string OtherCounty { get; } = RegistryTestData.NewCounty();

    public string OwnSchool { get; private set; } = "";

    public string OtherSchool { get; private set; } = "";

    public RegistryFleetHost Fleet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OwnSchool = RegistryTestData.NewSchool(OwnCounty);
        OtherSchool = RegistryTestData.NewSchool(OtherCounty);
        var settings = new Dictionary<string, string?>();
        AddToken(settings, 0, "admin-all", AdminAll, ApiRole.Admin, null);
        AddToken(settings, 1, "admin-own", AdminOwn, ApiRole.Admin, OwnCounty);
        AddToken(settings, 2, "technician-own", TechnicianOwn, ApiRole.Technician, OwnCounty);
        AddToken(settings, 3, "auditor-own", AuditorOwn, ApiRole.Auditor, OwnCounty);
        Fleet = await RegistryFleetHost.StartAsync(settings);

        var store = Fleet.Services.GetRequiredService<RegistryStore>();
        var now = DateTimeOffset.UtcNow;
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(OwnCounty, OwnSchool), now);
        await store.ApplyStatusAsync(OwnCounty, OwnSchool, RegistryTestData.Status(OwnSchool, online: true, outboxDepth: 5), now);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(OtherCounty, OtherSchool), now);
        await store.RecordSeenAsync([new TelemetrySeen(OwnCounty, OwnSchool, "sw-core-1", "switch", "gw-" + OwnSchool, now)]);

        using var http = new HttpClient();
        var influx = new InfluxClient(http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = Fleet.InfluxDatabase });
        await influx.CreateDatabaseAsync(Fleet.InfluxDatabase);
        var ns = now.ToUnixTimeMilliseconds() * 1_000_000;
        var lines =
            $"{Measurements.Device},county={OwnCounty},school={OwnSchool},device=sw-core-1,kind=switch,room=net up=true,poll_ms=41.5 {ns - 60_000_000_000}\n" +
            $"{Measurements.Device},county={OwnCounty},school={OwnSchool},device=sw-core-1,kind=switch,room=net up=false,poll_ms=3000,error=\"timeout\" {ns}\n" +
            $"{Measurements.Device},county={OwnCounty},school={OwnSchool},device=panel-101,kind=panel,room=r101 up=true,poll_ms=12 {ns}\n" +
            $"{Measurements.Uplink},county={OwnCounty},school={OwnSchool},device=sw-core-1,if_name=Gi1/0/49,method=passive in_bps=100e6,out_bps=20e6,capacity_mbps=1000 {ns - 120_000_000_000}\n" +
            $"{Measurements.Uplink},county={OwnCounty},school={OwnSchool},device=sw-core-1,if_name=Gi1/0/49,method=passive in_bps=300e6,out_bps=40e6,capacity_mbps=1000 {ns}\n";
        var result = await influx.WriteAsync(System.Text.Encoding.UTF8.GetBytes(lines));
        Assert.True(result.IsSuccess, result.Error);
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = Fleet.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync() => await Fleet.DisposeAsync();

    private static void AddToken(Dictionary<string, string?> settings, int index, string name, string token, ApiRole role, string? county)
    {
        settings[$"Auth:Tokens:{index}:Name"] = name;
        settings[$"Auth:Tokens:{index}:Sha256"] = ApiTokens.Hash(token);
        settings[$"Auth:Tokens:{index}:Role"] = role.ToString();
        settings[$"Auth:Tokens:{index}:County"] = county;
    }
}
