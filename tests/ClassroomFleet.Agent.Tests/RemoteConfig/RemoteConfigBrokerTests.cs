using System.Security.Cryptography;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>
/// Remote configuration end to end over the real mosquitto of scripts/services.sh: the production agent host, the
/// fleet's protocol played by <see cref="FleetStandIn"/>. Each test uses its own school code, so retained messages of
/// one do not reach another.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class RemoteConfigBrokerTests : IDisposable
{
    private const string County = "410323";
    private readonly ECDsa _fleetKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _fleetKey.Dispose();

    [Fact]
    public async Task A_Confirmed_Push_Replaces_The_School_File_And_The_Pollers_See_It_Without_A_Restart()
    {
        var school = SchoolCode();
        await using var fleet = await FleetStandIn.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey);
        await using var agent = await AgentUnderTest.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey, TimeSpan.FromSeconds(30));
        var changed = agent.Schools.Changed;

        await fleet.PushAsync(Document(school, 1, "pushed-1"));

        var confirmed = await fleet.WaitForAsync(r => r.Status == ConfigStatus.Confirmed, TimeSpan.FromSeconds(30));
        Assert.Equal(1, confirmed.Version);
        Assert.Equal("pushed-1", agent.Schools.Current!.Name);
        Assert.True(changed.IsCancellationRequested, "the scheduler's change token fired: pollers are re-planned in place");
    }

    [Fact]
    public async Task A_Push_With_A_Wrong_Broker_Address_Is_Rolled_Back_By_The_Agent_Itself_And_Reported()
    {
        var school = SchoolCode();
        var broker = ServiceEndpoints.Mqtt;
        await using var fleet = await FleetStandIn.StartAsync(County, school, broker, _fleetKey);
        await using var agent = await AgentUnderTest.StartAsync(County, school, broker, _fleetKey, TimeSpan.FromSeconds(30));
        await fleet.PushAsync(Document(school, 1, "good-1"));
        await fleet.WaitForAsync(r => r.Status == ConfigStatus.Confirmed && r.Version == 1, TimeSpan.FromSeconds(30));

        var wrongPort = AgentUnderTest.ClosedPort();
        await fleet.PushAsync(Document(school, 2, "bad-2") with
        {
            Agent = new ConfigAgentSettings { MqttHost = "127.0.0.1", MqttPort = wrongPort },
            ConfirmTimeoutSeconds = 4,
        });

        var rolledBack = await fleet.WaitForAsync(r => r.Status == ConfigStatus.RolledBack, TimeSpan.FromSeconds(40));
        Assert.Equal(2, rolledBack.AttemptedVersion);
        Assert.Equal(1, rolledBack.Version);
        Assert.Contains("no confirmation", rolledBack.Reason, StringComparison.Ordinal);
        Assert.Equal((broker.Host, broker.Port), agent.Transport.Endpoint);
        Assert.Equal("good-1", agent.Schools.Current!.Name);

        // The retained version 2 comes again after the reconnect: it is not applied a second time.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("good-1", agent.Schools.Current!.Name);
        Assert.True(agent.Transport.IsConnected);
        Assert.DoesNotContain(fleet.Reports, r => r.Status == ConfigStatus.Confirmed && r.Version == 2);
    }

    private static string SchoolCode() => "41032" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ConfigDocument Document(string school, long version, string name) => new()
    {
        County = County,
        School = school,
        Version = version,
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        IssuedBy = "tech-test",
        SchoolFile = RemoteConfigFixture.SchoolYaml(name, school, County),
    };
}
