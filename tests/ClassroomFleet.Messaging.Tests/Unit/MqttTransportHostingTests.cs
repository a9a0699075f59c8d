using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class MqttTransportHostingTests
{
    [Fact]
    public void AddMqttTransport_Binds_The_Section_And_Registers_One_Transport()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = "1",
            ["Mqtt:ClientId"] = "3301020001",
            ["Mqtt:SessionExpiry"] = "2.00:00:00",
            ["Mqtt:Tls:Enabled"] = "true",
            ["Mqtt:Will:Topic"] = "cf/v1/330102/3301020001/status",
        });
        builder.AddMqttTransport();
        using var host = builder.Build();

        var transport = host.Services.GetRequiredService<IMqttTransport>();
        var options = host.Services.GetRequiredService<IOptions<MqttTransportOptions>>().Value;

        Assert.Same(transport, host.Services.GetRequiredService<MqttTransport>());
        Assert.Equal(TimeSpan.FromDays(2), options.SessionExpiry);
        Assert.True(options.Tls.Enabled);
        Assert.Equal("cf/v1/330102/3301020001/status", options.Will.Topic);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "MqttTransportHostedService");
    }

    [Fact]
    public async Task Invalid_Configuration_Stops_The_Host_At_Start_With_Every_Key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:ClientId"] = "",
            ["Mqtt:SessionExpiry"] = "00:00:00",
        });
        builder.AddMqttTransport();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Mqtt:ClientId ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Mqtt:SessionExpiry ", StringComparison.Ordinal));
    }
}
