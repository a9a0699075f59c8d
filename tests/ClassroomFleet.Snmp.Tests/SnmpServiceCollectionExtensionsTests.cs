using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp.Tests;

public sealed class SnmpServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSnmpClient_Binds_The_Section_And_Shares_One_Client()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Snmp:Client:LocalEndPoint"] = "127.0.0.1:0",
            ["Snmp:Client:MaxOutstandingPerAgent"] = "4",
        });
        builder.Services.AddSnmpClient();
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<SnmpClient>();

        Assert.Same(client, host.Services.GetRequiredService<SnmpClient>());
        Assert.Equal(System.Net.IPAddress.Loopback, client.LocalEndPoint.Address);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<SnmpClientOptions>>().Value.MaxOutstandingPerAgent);
        await client.DisposeAsync();
        await client.DisposeAsync(); // the host disposes it again; that must be harmless
    }

    [Fact]
    public async Task Invalid_Configuration_Fails_At_Start_With_Every_Key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Snmp:Client:LocalEndPoint"] = "not-an-endpoint",
            ["Snmp:Client:MaxOutstandingPerAgent"] = "0",
        });
        builder.Services.AddSnmpClient();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("LocalEndPoint", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxOutstandingPerAgent", StringComparison.Ordinal));
    }
}
