using System.Text;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>The production ACL (provisioning/mosquitto/acl) in a real mosquitto with password authentication.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the broker through IAsyncLifetime.DisposeAsync")]
public sealed class MosquittoAclTests : IAsyncLifetime
{
    private const string SchoolA = "4141032301";
    private const string SchoolB = "4141032302";
    private readonly MosquittoProcess _broker = new();

    public async Task InitializeAsync()
    {
        var acl = _broker.WriteFile("acl", await File.ReadAllTextAsync(RepositoryPaths.Of("provisioning", "mosquitto", "acl")));
        await _broker.AddUserAsync("fleet", "fleet-pw");
        await _broker.AddUserAsync(SchoolA, "a-pw");
        var passwd = await _broker.AddUserAsync(SchoolB, "b-pw");
        _broker.ExtraConfig = $"allow_anonymous false\npassword_file {passwd}\nacl_file {acl}\n";
        await _broker.StartAsync();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private async Task<MqttTransport> ConnectAsync(string user, string password)
    {
        var transport = new MqttTransport(
            new MqttTransportOptions { Host = _broker.Host, Port = _broker.Port, ClientId = "acl-" + user, Username = user, Password = password, CleanStart = true },
            NullLogger<MqttTransport>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await transport.StartAsync(timeout.Token);
        await transport.WaitConnectedAsync(timeout.Token);
        return transport;
    }

    [Fact]
    public async Task School_A_Cannot_Publish_Under_School_B_But_Can_Under_Its_Own()
    {
        await using var fleet = await ConnectAsync("fleet", "fleet-pw");
        var received = new List<string>();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, (m, _) =>
        {
            lock (received)
            {
                received.Add(m.Topic);
            }

            return Task.CompletedTask;
        });
        await using var schoolA = await ConnectAsync(SchoolA, "a-pw");
        var payload = Encoding.UTF8.GetBytes("{}");

        var own = await schoolA.PublishAsync(new OutgoingMessage($"cf/v1/410323/{SchoolA}/telemetry/sw-core-1", payload));
        var other = await schoolA.PublishAsync(new OutgoingMessage($"cf/v1/410323/{SchoolB}/telemetry/sw-core-1", payload));
        var desired = await schoolA.PublishAsync(new OutgoingMessage($"cf/v1/410323/{SchoolA}/config/desired", payload));

        Assert.True(own.Accepted);
        Assert.Equal(PublishFailure.NotAuthorized, other.Failure);
        Assert.Equal(PublishFailure.NotAuthorized, desired.Failure);
        await WaitUntilAsync(() => received.Contains($"cf/v1/410323/{SchoolA}/telemetry/sw-core-1"));
        lock (received)
        {
            Assert.DoesNotContain($"cf/v1/410323/{SchoolB}/telemetry/sw-core-1", received);
        }
    }

    [Fact]
    public async Task A_School_Reads_Its_Own_Desired_Configuration_And_Not_Another_Schools()
    {
        await using var fleet = await ConnectAsync("fleet", "fleet-pw");
        await using var schoolA = await ConnectAsync(SchoolA, "a-pw");
        var seen = new List<string>();
        await schoolA.SubscribeAsync("cf/v1/+/+/config/desired", MessageQos.AtLeastOnce, (m, _) =>
        {
            lock (seen)
            {
                seen.Add(m.Topic);
            }

            return Task.CompletedTask;
        });
        var payload = Encoding.UTF8.GetBytes("{}");
        Assert.True((await fleet.PublishAsync(new OutgoingMessage($"cf/v1/410323/{SchoolB}/config/desired", payload))).Accepted);
        Assert.True((await fleet.PublishAsync(new OutgoingMessage($"cf/v1/410323/{SchoolA}/config/desired", payload))).Accepted);

        // Mosquitto checks read rights on delivery: B's document never arrives, A's does (and arrives after B's).
        await WaitUntilAsync(() => seen.Contains($"cf/v1/410323/{SchoolA}/config/desired"));
        lock (seen)
        {
            Assert.Equal([$"cf/v1/410323/{SchoolA}/config/desired"], seen);
        }
    }

    [Fact]
    public async Task Anonymous_Clients_Are_Refused()
    {
        await using var anonymous = new MqttTransport(
            new MqttTransportOptions { Host = _broker.Host, Port = _broker.Port, ClientId = "anon", CleanStart = true, ReconnectMaxDelay = TimeSpan.FromSeconds(1) },
            NullLogger<MqttTransport>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await anonymous.StartAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => anonymous.WaitConnectedAsync(timeout.Token));
    }

    [Fact]
    public async Task The_Compose_Healthcheck_Of_Mosquitto_Gets_An_Answer_As_The_Fleet_User()
    {
        var command = ComposeHealthcheck.ShellCommand("mosquitto")
            .Replace("-h localhost -p 1883", $"-h {_broker.Host} -p {_broker.Port}", StringComparison.Ordinal);
        Assert.Contains($"-p {_broker.Port}", command, StringComparison.Ordinal);

        var (code, output) = await ComposeHealthcheck.RunAsync(command, new Dictionary<string, string> { ["FLEET_MQTT_PASSWORD"] = "fleet-pw" });

        Assert.True(code == 0, $"healthcheck exited {code}: {output}");
        Assert.Contains("seconds", output, StringComparison.Ordinal); // $SYS/broker/uptime: "12 seconds"
    }

    [Fact]
    public async Task The_Brokers_Sys_Tree_Is_Not_Readable_By_A_School()
    {
        var command = ComposeHealthcheck.ShellCommand("mosquitto")
            .Replace("-h localhost -p 1883", $"-h {_broker.Host} -p {_broker.Port}", StringComparison.Ordinal)
            .Replace("-u fleet", $"-u {SchoolA}", StringComparison.Ordinal)
            .Replace("-W 5", "-W 2", StringComparison.Ordinal);

        var (code, _) = await ComposeHealthcheck.RunAsync(command, new Dictionary<string, string> { ["FLEET_MQTT_PASSWORD"] = "a-pw" });

        Assert.NotEqual(0, code);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
