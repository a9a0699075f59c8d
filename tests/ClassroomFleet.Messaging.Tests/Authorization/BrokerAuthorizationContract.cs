using System.Text;
using ClassroomFleet.Messaging.Authorization;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Authorization;

/// <summary>
/// The same authorisation behaviour, checked on the wire against mosquitto (with the generated ACL) and against the
/// embedded broker. "Not delivered" is proven without waiting: a permitted sentinel published after the denied message
/// arrives first, and brokers keep the order of one publisher's messages to one subscriber.
/// </summary>
public abstract class BrokerAuthorizationContract : IAsyncLifetime
{
    protected const string SchoolA = "3301020001";
    protected const string SchoolB = "3301020002";
    protected const string FleetUser = "fleet";
    protected const string Password = "pw-" + "contract";
    protected static readonly Dictionary<string, BrokerRole> Roles = new() { [FleetUser] = BrokerRole.Fleet };
    private const string County = "330102";

    protected (string Host, int Port) Endpoint { get; set; }

    protected MosquittoProcess Files { get; } = new();

    public abstract Task InitializeAsync();

    private readonly List<IAsyncDisposable> _cleanup = [];

    public async Task DisposeAsync()
    {
        foreach (var item in _cleanup)
        {
            await item.DisposeAsync();
        }

        await Files.DisposeAsync();
    }

    protected void DisposeLater(IAsyncDisposable item) => _cleanup.Add(item);

    /// <summary>mosquitto grants a forbidden SUBSCRIBE and then delivers nothing; the embedded broker refuses it with 135.</summary>
    protected abstract bool RefusesForbiddenSubscriptions { get; }

    protected async Task<string> WritePasswordFileAsync()
    {
        await Files.AddUserAsync(SchoolA, Password);
        await Files.AddUserAsync(SchoolB, Password);
        return await Files.AddUserAsync(FleetUser, Password);
    }

    private async Task<MqttTransport> ConnectAsync(string user, string version = "5.0", string password = Password)
    {
        var options = TransportFactory.Options(Endpoint.Host, Endpoint.Port);
        options.Username = user;
        options.Password = password;
        options.ProtocolVersion = version;
        return await TransportFactory.StartedAsync(options);
    }

    private static string Topic(string school, string suffix) => $"cf/v1/{County}/{school}/{suffix}";

    [Fact]
    public async Task A_School_Publishes_Its_Own_Telemetry_And_The_Fleet_Receives_It()
    {
        await using var fleet = await ConnectAsync(FleetUser);
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/+/+/telemetry/+", MessageQos.AtLeastOnce, received.Handler);
        await using var school = await ConnectAsync(SchoolA);

        var result = await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "telemetry/sw-01"), "{}"u8.ToArray()));

        Assert.True(result.Accepted, result.ToString());
        Assert.Equal(Topic(SchoolA, "telemetry/sw-01"), (await received.NextAsync()).Topic);
    }

    [Fact]
    public async Task Under_5_0_Publishing_As_Another_School_Is_Refused_With_Reason_135_And_Not_Delivered()
    {
        await using var fleet = await ConnectAsync(FleetUser);
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        await using var school = await ConnectAsync(SchoolA);

        var denied = await school.PublishAsync(new OutgoingMessage(Topic(SchoolB, "telemetry/sw-01"), "forged"u8.ToArray()));
        await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "status"), "sentinel"u8.ToArray()));

        Assert.False(denied.Accepted);
        Assert.Equal(PublishFailure.NotAuthorized, denied.Failure);
        Assert.Equal(135, denied.ReasonCode);
        Assert.Equal(1, school.Counters.PublishRejected);
        Assert.Equal("sentinel", Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task Under_3_1_1_A_Forbidden_Publish_Looks_Accepted_But_Is_Dropped()
    {
        await using var fleet = await ConnectAsync(FleetUser);
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        await using var school = await ConnectAsync(SchoolA, "3.1.1");

        var denied = await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "config/desired"), "forged"u8.ToArray()));
        await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "status"), "sentinel"u8.ToArray()));

        // 3.1.1 PUBACK has no reason code (§3.4): the denial is undetectable by the publisher. See README.
        Assert.True(denied.Accepted);
        Assert.Equal("sentinel", Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task A_School_Receives_Its_Own_Commands_And_Never_Another_Schools()
    {
        await using var school = await ConnectAsync(SchoolA);
        var received = new Received();
        await school.SubscribeAsync("cf/v1/+/3301020001/command/+", MessageQos.AtLeastOnce, received.Handler);
        if (RefusesForbiddenSubscriptions)
        {
            var refused = await Assert.ThrowsAsync<MqttSubscribeException>(
                () => school.SubscribeAsync("cf/v1/+/3301020002/command/+", MessageQos.AtLeastOnce, received.Handler));
            Assert.Equal(135, refused.ReasonCode);
        }
        else
        {
            await school.SubscribeAsync("cf/v1/+/3301020002/command/+", MessageQos.AtLeastOnce, received.Handler);
        }

        await using var fleet = await ConnectAsync(FleetUser);
        await fleet.PublishAsync(new OutgoingMessage(Topic(SchoolB, "command/c1"), "for B"u8.ToArray()));
        await fleet.PublishAsync(new OutgoingMessage(Topic(SchoolA, "command/c2"), "for A"u8.ToArray()));

        var first = await received.NextAsync();
        Assert.Equal("for A", Encoding.UTF8.GetString(first.Payload.Span));
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Refused_And_Counted()
    {
        var options = TransportFactory.Options(Endpoint.Host, Endpoint.Port);
        options.Username = SchoolA;
        options.Password = "wrong";
        await using var transport = new MqttTransport(options, new TestLogger<MqttTransport>());

        await transport.StartAsync();

        Assert.False(transport.IsConnected);
        Assert.True(transport.Counters.ConnectFailures >= 1);
    }
}
