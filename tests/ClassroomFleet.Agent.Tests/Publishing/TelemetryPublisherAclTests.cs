using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Agent.Tests.Cabinet;
using ClassroomFleet.Messaging;
using ClassroomFleet.Messaging.Authorization;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Publishing;

/// <summary>
/// An agent whose school file names another school than its broker user publishes where mosquitto's ACL (the
/// production rules, from <see cref="MosquittoAclWriter"/>) forbids it. Under MQTT 5.0 the PUBACK says 135; under 3.1.1
/// mosquitto acknowledges and drops the batch, and only the fleet's missing acknowledgement reveals it.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the broker through IAsyncLifetime.DisposeAsync")]
public sealed class TelemetryPublisherAclTests : IAsyncLifetime
{
    private const string County = "330102";
    private const string UserSchool = "3301020001";
    private const string OtherSchool = "3301020002";
    private readonly MosquittoProcess _broker = new();
    private readonly List<IAsyncDisposable> _cleanup = [];

    public async Task InitializeAsync()
    {
        var acl = _broker.WriteFile("acl", MosquittoAclWriter.Write([new BrokerPrincipal("fleet", BrokerRole.Fleet, null)]));
        var passwd = await _broker.AddUserAsync(UserSchool, "pw");
        _broker.ExtraConfig = $"allow_anonymous false\npassword_file {passwd}\nacl_file {acl}\n";
        await _broker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }

        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Under_3_1_1_A_Batch_The_Acl_Drops_Is_Detected_By_The_Missing_Acknowledgement_And_Reported()
    {
        var (publisher, logger) = await StartPublisherAsync("3.1.1");

        await WaitUntilAsync(() => publisher.RepublishedUnverified >= 1);

        Assert.Contains(logger.Entries, e => e.EventId == 2206); // names the likely cause: the ACL
        Assert.DoesNotContain(logger.Entries, e => e.EventId == 2202); // the broker's PUBACK said nothing
    }

    [Fact]
    public async Task Under_5_0_The_Same_Batch_Is_Refused_With_Its_Reason_And_Not_Reported_As_Unverified()
    {
        var (publisher, logger) = await StartPublisherAsync("5.0");

        await WaitUntilAsync(() => logger.Entries.Any(e => e.EventId == 2202 && e.Message.Contains("NotAuthorized", StringComparison.Ordinal)));

        Assert.Equal(0, publisher.RepublishedUnverified);
    }

    private async Task<(TelemetryPublisher Publisher, ListLogger<TelemetryPublisher> Logger)> StartPublisherAsync(string version)
    {
        var folder = Path.Combine(_broker.Directory, "agent-" + version);
        Directory.CreateDirectory(folder);
        var schoolFile = Path.Combine(folder, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, OneSwitchSchool.Yaml(County, OtherSchool, "配置错误的学校", address: "127.0.0.1:161", interval: null));
        var agentOptions = Options.Create(new AgentOptions { SchoolFile = schoolFile, AgentId = "gw-test", StateDirectory = folder });
        var outboxOptions = new OutboxOptions { AckTimeout = TimeSpan.FromSeconds(1) };
        var outbox = new MemoryOutbox(outboxOptions, TimeProvider.System);
        await outbox.AppendAsync(new OutboxAppend("sw-core-1", "switch", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "[]"u8.ToArray()));

        var transport = new MqttTransport(
            new MqttTransportOptions
            {
                Host = _broker.Host, Port = _broker.Port, ClientId = $"agent-{UserSchool}-{version}", Username = UserSchool, Password = "pw",
                ProtocolVersion = version, ReconnectMinDelay = TimeSpan.FromMilliseconds(100), ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            },
            NullLogger<MqttTransport>.Instance);
        _cleanup.Add(transport);
        await transport.StartAsync();
        using (var connected = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await transport.WaitConnectedAsync(connected.Token);
        }

        var schools = new SchoolFileProvider(agentOptions, NullLogger<SchoolFileProvider>.Instance);
        Assert.Equal(OtherSchool, (await schools.ReloadAsync())?.School);
        var counters = new PublishCounters();
        var acks = new AckHandler(transport, outbox, counters, agentOptions, NullLogger<AckHandler>.Instance);
        var logger = new ListLogger<TelemetryPublisher>();
        var publisher = new TelemetryPublisher(transport, outbox, acks, schools, agentOptions, Options.Create(outboxOptions), counters, TimeProvider.System, logger);
        await publisher.StartAsync(CancellationToken.None);
        _cleanup.Add(new Stopping(publisher, schools));
        return (publisher, logger);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {seconds} s");
            await Task.Delay(50);
        }
    }

    private sealed class Stopping(TelemetryPublisher publisher, SchoolFileProvider schools) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await publisher.StopAsync(CancellationToken.None);
            publisher.Dispose();
            schools.Dispose();
        }
    }
}
