using System.Text;
using ClassroomFleet.Messaging.Broker;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Tests.Authorization;

// mosquitto_passwd writes the password file the embedded broker reads.
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class EmbeddedBrokerHostingTests
{
    [Fact]
    public async Task A_Fleet_Host_With_The_Embedded_Broker_Serves_Its_Own_Transport_And_Names_The_Sender()
    {
        await using var files = new MosquittoProcess();
        var passwd = await files.AddUserAsync("fleet", "fleetpw");
        await files.AddUserAsync("3301020001", "schoolpw");
        var port = MosquittoProcess.FreeTcpPort();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:EmbeddedBroker:Enabled"] = "true",
            ["Mqtt:EmbeddedBroker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:EmbeddedBroker:PasswordFile"] = passwd,
            ["Mqtt:EmbeddedBroker:Roles:fleet"] = "Fleet",
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fleet-1",
            ["Mqtt:Username"] = "fleet",
            ["Mqtt:Password"] = "fleetpw",
        });
        builder.AddEmbeddedMqttBroker();
        builder.AddMqttTransport();
        using var host = builder.Build();
        await host.StartAsync();
        var fleet = host.Services.GetRequiredService<IMqttTransport>();
        await fleet.WaitConnectedAsync(TransportFactory.Timeout());
        var received = new Received();
        // MQTTnet.Server 5.2 has no shared subscriptions: refused with reason 158, so a single-site fleet subscribes plainly.
        var refused = await Assert.ThrowsAsync<MqttSubscribeException>(
            () => fleet.SubscribeAsync("$share/fleet/cf/v1/+/+/status", MessageQos.AtLeastOnce, received.Handler));
        Assert.Equal(158, refused.ReasonCode);
        await fleet.SubscribeAsync("cf/v1/+/+/status", MessageQos.AtLeastOnce, received.Handler);

        var schoolOptions = TransportFactory.Options("127.0.0.1", port, "agent-3301020001"); // a school's client id names its code
        schoolOptions.Username = "3301020001";
        schoolOptions.Password = "schoolpw";
        await using (var school = await TransportFactory.StartedAsync(schoolOptions))
        {
            await school.PublishAsync(new OutgoingMessage("cf/v1/330102/3301020001/status", "{\"online\":true}"u8.ToArray()));
        }

        var message = await received.NextAsync();
        Assert.Equal("3301020001", message.SenderId);
        Assert.Equal("{\"online\":true}", Encoding.UTF8.GetString(message.Payload.Span));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_Enabled_Broker_Without_A_Password_File_Fails_At_Start_Naming_The_Key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:EmbeddedBroker:Enabled"] = "true" });
        builder.AddEmbeddedMqttBroker();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Mqtt:EmbeddedBroker:PasswordFile ", StringComparison.Ordinal));
    }
}
