using System.Text;
using ClassroomFleet.Messaging.Authorization;
using ClassroomFleet.Messaging.Connecting;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Authorization;

/// <summary>
/// One authorisation suite, run on the wire against mosquitto with the production configuration and ACL
/// (<see cref="MosquittoAuthorizationTests"/>) and against the embedded broker (<see cref="EmbeddedBrokerAuthorizationTests"/>).
/// As in production, the fleet connects to a plain listener and schools to a TLS listener. A school's user name is its
/// 10-digit school code. "Not delivered" is proven without waiting where possible: a permitted sentinel published after
/// the forbidden message arrives first, and a broker keeps the order of one publisher's messages to one subscriber.
/// xunit makes a new instance, hence a new broker, for every test.
/// </summary>
public abstract class BrokerAuthorizationContract : IAsyncLifetime
{
    protected const string SchoolA = "3301020001";
    protected const string SchoolB = "3301020002";
    protected const string FleetUser = "fleet";
    protected const string GuestUser = "guest";
    protected const string Password = "pw-" + "contract";
    protected static readonly Dictionary<string, BrokerRole> Roles = new() { [FleetUser] = BrokerRole.Fleet };
    private const string County = "330102";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private readonly List<IAsyncDisposable> _cleanup = [];

    /// <summary>The test's folder (password file, certificates); for mosquitto also the broker itself.</summary>
    protected MosquittoProcess Files { get; } = new();

    protected TestCertificates Certificates { get; private set; } = null!;

    protected (string Host, int Port) FleetEndpoint { get; set; }

    protected (string Host, int Port) SchoolEndpoint { get; set; }

    /// <summary>
    /// How the broker answers a school connecting with someone else's client id: mosquitto (use_username_as_clientid)
    /// replaces it with the school's user name and lets it in; the embedded broker refuses it (CONNACK 133).
    /// </summary>
    protected abstract bool ReplacesSchoolClientIds { get; }

    protected abstract Task StartBrokerAsync(string passwordFile);

    /// <summary>Makes the running broker read its password file again and returns once it has.</summary>
    protected abstract Task ReloadUsersAsync();

    /// <summary>The password file the broker was started with (mosquitto_passwd format).</summary>
    protected string PasswordFile { get; private set; } = "";

    /// <summary>Broker-side counters, where the broker has them (the embedded broker); mosquitto only logs.</summary>
    protected virtual void AssertCounted(BrokerCount count)
    {
    }

    public async Task InitializeAsync()
    {
        Certificates = TestCertificates.Create(Files.Directory);
        await Files.AddUserAsync(SchoolA, Password);
        await Files.AddUserAsync(SchoolB, Password);
        await Files.AddUserAsync(GuestUser, Password);
        PasswordFile = await Files.AddUserAsync(FleetUser, Password);
        await StartBrokerAsync(PasswordFile);
    }

    public async Task DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }

        await Files.DisposeAsync();
    }

    protected void DisposeLater(IAsyncDisposable item) => _cleanup.Add(item);

    /// <summary>Waits for a condition with a generous patience (a noisy machine), failing with <paramref name="what"/>.</summary>
    protected static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }

    private static string Topic(string school, string suffix) => $"cf/v1/{County}/{school}/{suffix}";

    private static string Text(IncomingMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    private MqttTransportOptions FleetOptions(string? clientId = null)
    {
        var options = TransportFactory.Options(FleetEndpoint.Host, FleetEndpoint.Port, clientId);
        options.Username = FleetUser;
        options.Password = Password;
        return options;
    }

    protected MqttTransportOptions SchoolOptions(string? user, string version = "5.0", string? clientId = null, string password = Password)
    {
        var options = TransportFactory.Options(SchoolEndpoint.Host, SchoolEndpoint.Port, clientId ?? $"{user ?? "anonymous"}-{Guid.NewGuid():N}"[..24]);
        options.Username = user;
        options.Password = user is null ? null : password;
        options.ProtocolVersion = version;
        options.Tls = new MqttTlsOptions { CaFile = Certificates.CaFile };
        return options;
    }

    protected async Task<MqttTransport> ConnectAsync(MqttTransportOptions options)
    {
        var transport = await TransportFactory.StartedAsync(options);
        DisposeLater(transport);
        return transport;
    }

    private async Task<MqttTransport> FirstAttemptAsync(MqttTransportOptions options, List<ConnectionStateChangedEventArgs>? events = null)
    {
        options.ReconnectMinDelay = options.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        var transport = new MqttTransport(options, new TestLogger<MqttTransport>());
        DisposeLater(transport);
        if (events is not null)
        {
            transport.ConnectionStateChanged += (_, e) =>
            {
                lock (events)
                {
                    events.Add(e);
                }
            };
        }

        await transport.StartAsync();
        return transport;
    }

    private static async Task<PublishResult> PublishAsync(MqttTransport transport, string topic, string payload, bool retain = false) =>
        await transport.PublishAsync(new OutgoingMessage(topic, Encoding.UTF8.GetBytes(payload), Retain: retain));

    [Fact]
    public async Task A_School_Publishes_Its_Own_Telemetry_Over_Tls_And_The_Fleet_Receives_It()
    {
        var fleet = await ConnectAsync(FleetOptions());
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/+/+/telemetry/+", MessageQos.AtLeastOnce, received.Handler);
        var school = await ConnectAsync(SchoolOptions(SchoolA));

        var result = await PublishAsync(school, Topic(SchoolA, "telemetry/sw-01"), "{}");

        Assert.True(result.Accepted, result.ToString());
        Assert.False(result.Unverified);
        Assert.Equal(Topic(SchoolA, "telemetry/sw-01"), (await received.NextAsync()).Topic);
    }

    [Theory]
    [InlineData("5.0")]
    [InlineData("3.1.1")]
    public async Task An_Anonymous_Client_Is_Refused_As_Not_Authorized_And_Counted(string version)
    {
        var events = new List<ConnectionStateChangedEventArgs>();
        var anonymous = await FirstAttemptAsync(SchoolOptions(null, version), events);

        Assert.False(anonymous.IsConnected);
        await WaitUntilAsync(() => { lock (events) { return events.Count > 0; } }, "the failed attempt raised"); // raised on a background thread
        lock (events)
        {
            Assert.Equal(ConnectFailure.NotAuthorized, events[0].Failure);
            Assert.Equal(135, events[0].ReasonCode);
            Assert.False(events[0].IsConnected);
        }

        Assert.Equal(ConnectFailure.NotAuthorized, anonymous.LastConnectFailure?.Failure);
        Assert.Equal(135, anonymous.LastConnectFailure?.ReasonCode); // 3.1.1 return code 5, reported in 5.0 numbering
        Assert.Equal(1, anonymous.Counters.ConnectFailuresOf(ConnectFailure.NotAuthorized));
        AssertCounted(BrokerCount.AnonymousRefused);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Refused_As_Not_Authorized_And_Counted()
    {
        var school = await FirstAttemptAsync(SchoolOptions(SchoolA, password: "wrong"));

        Assert.False(school.IsConnected);
        Assert.Equal(ConnectFailure.NotAuthorized, school.LastConnectFailure?.Failure); // mosquitto 2.0 says 135, not 134
        Assert.Equal(1, school.Counters.ConnectFailures);
        AssertCounted(BrokerCount.BadCredentials);
    }

    [Fact]
    public async Task A_User_Without_A_Role_Connects_But_May_Neither_Publish_Nor_Receive()
    {
        var fleet = await ConnectAsync(FleetOptions());
        await PublishAsync(fleet, Topic(SchoolA, "config/desired"), "retained", retain: true);
        var fleetInbox = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, fleetInbox.Handler);
        Assert.Equal("retained", Text(await fleetInbox.NextAsync()));
        var guest = await ConnectAsync(SchoolOptions(GuestUser));
        var guestInbox = new Received();
        await guest.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, guestInbox.Handler); // granted by both brokers

        var denied = await PublishAsync(guest, Topic(SchoolA, "status"), "guest");
        await PublishAsync(fleet, Topic(SchoolA, "command/c1"), "command");

        Assert.Equal(PublishFailure.NotAuthorized, denied.Failure);
        Assert.Equal(135, denied.ReasonCode);
        Assert.Equal("command", Text(await fleetInbox.NextAsync())); // the broker has dispatched it: the guest got nothing
        Assert.True(await guestInbox.NothingWithinAsync(Grace));
        AssertCounted(BrokerCount.DeliveryDenied);
    }

    [Fact]
    public async Task Under_5_0_A_School_Publishing_Under_Another_School_Or_To_Its_Own_Downstream_Topics_Is_Refused_With_135()
    {
        var fleet = await ConnectAsync(FleetOptions());
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        var school = await ConnectAsync(SchoolOptions(SchoolA));

        var otherSchool = await PublishAsync(school, Topic(SchoolB, "telemetry/sw-01"), "forged");
        var ownDesired = await PublishAsync(school, Topic(SchoolA, "config/desired"), "forged");
        await PublishAsync(school, Topic(SchoolA, "status"), "sentinel");

        foreach (var denied in new[] { otherSchool, ownDesired })
        {
            Assert.False(denied.Accepted);
            Assert.Equal(PublishFailure.NotAuthorized, denied.Failure);
            Assert.Equal(135, denied.ReasonCode);
        }

        Assert.Equal(2, school.Counters.PublishRejected);
        Assert.Equal("sentinel", Text(await received.NextAsync()));
        AssertCounted(BrokerCount.PublishDenied);
    }

    [Fact]
    public async Task Under_3_1_1_A_Forbidden_Publish_Is_Acknowledged_As_Unverified_And_Dropped()
    {
        var fleet = await ConnectAsync(FleetOptions());
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        var logger = new TestLogger<MqttTransport>();
        var school = await TransportFactory.StartedAsync(SchoolOptions(SchoolA, "3.1.1"), logger);
        DisposeLater(school);

        var denied = await PublishAsync(school, Topic(SchoolB, "telemetry/sw-01"), "forged");
        var allowed = await PublishAsync(school, Topic(SchoolA, "status"), "sentinel");

        // 3.1.1 PUBACK has no reason code (§3.4): the broker's verdict is unknown, and the result says so.
        Assert.True(denied.Accepted);
        Assert.True(denied.Unverified);
        Assert.Null(denied.ReasonCode);
        Assert.True(allowed.Unverified);
        Assert.Equal(2, school.Counters.PublishedUnverified);
        Assert.True(logger.Has(1012)); // warned once at connect: only the consumer's acknowledgement confirms delivery
        Assert.Equal("sentinel", Text(await received.NextAsync()));
        AssertCounted(BrokerCount.PublishDenied);
    }

    [Fact]
    public async Task A_School_Subscribing_To_Everything_Receives_Only_Its_Own_Downstream_Topics()
    {
        var fleet = await ConnectAsync(FleetOptions());
        await PublishAsync(fleet, Topic(SchoolB, "status"), "retained B status", retain: true);
        await PublishAsync(fleet, Topic(SchoolB, "config/desired"), "retained B config", retain: true);
        await PublishAsync(fleet, Topic(SchoolA, "config/desired"), "retained A config", retain: true);
        var school = await ConnectAsync(SchoolOptions(SchoolA));
        var received = new Received();

        await school.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        await PublishAsync(fleet, Topic(SchoolB, "command/c1"), "B command");
        await PublishAsync(fleet, Topic(SchoolB, "ack"), "B ack");
        await PublishAsync(fleet, Topic(SchoolA, "telemetry/sw-01"), "A telemetry"); // written by A, not readable by it
        await PublishAsync(fleet, Topic(SchoolA, "command/c2"), "A command");
        await PublishAsync(fleet, Topic(SchoolA, "ack"), "A ack");

        Assert.Equal("retained A config", Text(await received.NextAsync()));
        Assert.Equal("A command", Text(await received.NextAsync()));
        Assert.Equal("A ack", Text(await received.NextAsync()));
        Assert.False(received.TryNext(out var extra), $"unexpected {extra?.Topic}");
        AssertCounted(BrokerCount.DeliveryDenied);
    }

    [Fact]
    public async Task A_School_Reads_Only_Its_Own_Desired_Config_And_Commands_Whatever_It_Subscribes()
    {
        var school = await ConnectAsync(SchoolOptions(SchoolA));
        var received = new Received();
        foreach (var filter in new[]
        {
            $"cf/v1/+/{SchoolA}/config/desired", $"cf/v1/+/{SchoolA}/command/+",
            $"cf/v1/+/{SchoolB}/config/desired", $"cf/v1/+/{SchoolB}/command/+", "cf/v1/+/+/command/+",
        })
        {
            await school.SubscribeAsync(filter, MessageQos.AtLeastOnce, received.Handler);
        }

        var fleet = await ConnectAsync(FleetOptions());
        await PublishAsync(fleet, Topic(SchoolB, "config/desired"), "B config");
        await PublishAsync(fleet, Topic(SchoolB, "command/c1"), "B command");
        await PublishAsync(fleet, Topic(SchoolA, "config/desired"), "A config");
        await PublishAsync(fleet, Topic(SchoolA, "command/c2"), "A command");

        // B's messages went first: had any been delivered, it would have arrived before A's.
        Assert.Equal("A config", Text(await received.NextAsync()));
        Assert.Equal("A command", Text(await received.NextAsync()));
        await PublishAsync(fleet, Topic(SchoolA, "config/desired"), "sentinel");
        // Both brokers send a message once per matching subscription (MQTT 5.0 §3.3.4 allows it): A's command matches
        // two of the filters. Everything up to the sentinel must be A's own.
        for (var next = await received.NextAsync(); Text(next) != "sentinel"; next = await received.NextAsync())
        {
            Assert.Equal(Topic(SchoolA, "command/c2"), next.Topic);
        }
    }

    [Fact]
    public async Task A_Schools_Will_Is_Published_On_Its_Own_Status_But_Never_On_Another_Schools()
    {
        var fleet = await ConnectAsync(FleetOptions());
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/+/+/status", MessageQos.AtLeastOnce, received.Handler);

        foreach (var (school, payload) in new[] { (SchoolB, "forged will"), (SchoolA, "own will") })
        {
            await using var proxy = new TcpProxy(SchoolEndpoint.Host, SchoolEndpoint.Port);
            var options = SchoolOptions(SchoolA);
            options.Port = proxy.Port;
            options.Will = new MqttWillOptions { Topic = Topic(school, "status"), Payload = payload, Qos = MessageQos.AtLeastOnce };
            options.ReconnectMinDelay = options.ReconnectMaxDelay = TimeSpan.FromSeconds(30); // no reconnect races the will
            await ConnectAsync(options);
            proxy.DropAll(); // abrupt: no DISCONNECT, so the broker publishes the will
        }

        Assert.Equal("own will", Text(await received.NextAsync())); // the forged one, cut first, would have come first
        AssertCounted(BrokerCount.PublishDenied);
    }

    [Fact]
    public async Task A_School_Cannot_Take_Over_The_Fleets_Session_Online_Or_Offline()
    {
        var fleetOptions = FleetOptions("fleet-" + Guid.NewGuid().ToString("N")[..8]);
        var fleet = await ConnectAsync(fleetOptions);
        var fleetInbox = new Received();
        await fleet.SubscribeAsync("cf/v1/+/+/telemetry/+", MessageQos.AtLeastOnce, fleetInbox.Handler);
        var schoolB = await ConnectAsync(SchoolOptions(SchoolB));

        // Online: the intruder must neither kick the fleet off nor take its subscriptions.
        var intruder = await AttemptTakeoverAsync(fleetOptions.ClientId);
        await PublishAsync(schoolB, Topic(SchoolB, "telemetry/sw-01"), "live");
        Assert.Equal("live", Text(await fleetInbox.NextAsync()));
        Assert.Equal(0, fleet.Counters.ConnectionLosses);
        await (intruder?.DisposeAsync() ?? ValueTask.CompletedTask);

        // Offline: what is queued in the fleet's session must stay there for the fleet.
        await fleet.StopAsync(); // DISCONNECT with the session kept (CleanStart false, expiry 1 day)
        await PublishAsync(schoolB, Topic(SchoolB, "telemetry/sw-01"), "queued");
        intruder = await AttemptTakeoverAsync(fleetOptions.ClientId);
        if (intruder is not null)
        {
            var intruderInbox = new Received();
            await intruder.SubscribeAsync($"cf/v1/+/{SchoolA}/ack", MessageQos.AtLeastOnce, intruderInbox.Handler);
            var other = await ConnectAsync(FleetOptions());
            await PublishAsync(other, Topic(SchoolA, "ack"), "sentinel");
            Assert.Equal("sentinel", Text(await intruderInbox.NextAsync())); // and not the fleet's queued telemetry
            await intruder.DisposeAsync();
        }

        var back = new MqttTransport(fleetOptions, new TestLogger<MqttTransport>());
        DisposeLater(back);
        var backInbox = new Received();
        await back.SubscribeAsync("cf/v1/+/+/telemetry/+", MessageQos.AtLeastOnce, backInbox.Handler);
        await back.StartAsync();
        Assert.Equal("queued", Text(await backInbox.NextAsync()));
    }

    private async Task<MqttTransport?> AttemptTakeoverAsync(string fleetClientId)
    {
        var options = SchoolOptions(SchoolA, clientId: fleetClientId);
        var intruder = await FirstAttemptAsync(options);
        if (ReplacesSchoolClientIds)
        {
            Assert.True(intruder.IsConnected, intruder.LastConnectFailure?.ToString());
            return intruder;
        }

        Assert.False(intruder.IsConnected);
        Assert.Equal(ConnectFailure.ClientIdentifierNotValid, intruder.LastConnectFailure?.Failure);
        AssertCounted(BrokerCount.ClientIdRefused);
        await intruder.DisposeAsync();
        return null;
    }

    [Fact]
    public async Task A_Payload_Over_The_Message_Size_Limit_Is_Refused_With_149_And_Not_Delivered()
    {
        var fleetOptions = FleetOptions();
        fleetOptions.MaximumPacketSize = 1024 * 1024; // a broker must not send a subscriber more than it announced
        var fleet = await ConnectAsync(fleetOptions);
        var received = new Received();
        await fleet.SubscribeAsync("cf/v1/#", MessageQos.AtLeastOnce, received.Handler);
        var options = SchoolOptions(SchoolA);
        options.MaximumPacketSize = 1024 * 1024; // let it leave the client: the broker's limit is under test
        var school = await ConnectAsync(options);

        var oversized = await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "telemetry/sw-01"), new byte[262_145]));
        var atLimit = await school.PublishAsync(new OutgoingMessage(Topic(SchoolA, "telemetry/sw-02"), new byte[262_144]));
        await PublishAsync(school, Topic(SchoolA, "status"), "sentinel");

        Assert.Equal(PublishFailure.PacketTooLarge, oversized.Failure);
        Assert.Equal(149, oversized.ReasonCode);
        Assert.True(atLimit.Accepted, atLimit.ToString());
        Assert.Equal(Topic(SchoolA, "telemetry/sw-02"), (await received.NextAsync()).Topic);
        Assert.Equal("sentinel", Text(await received.NextAsync()));
        AssertCounted(BrokerCount.Oversized);
    }

    [Fact]
    public async Task A_School_That_Does_Not_Trust_The_Brokers_Certificate_Fails_With_A_Typed_Tls_Failure()
    {
        var stranger = TestCertificates.Create(Files.Directory, "stranger-");
        var options = SchoolOptions(SchoolA);
        options.Tls = new MqttTlsOptions { CaFile = stranger.CaFile };

        var school = await FirstAttemptAsync(options);

        Assert.False(school.IsConnected);
        Assert.Equal(ConnectFailure.Tls, school.LastConnectFailure?.Failure);
        Assert.Null(school.LastConnectFailure?.ReasonCode); // no CONNACK: the handshake failed first
        Assert.Equal(1, school.Counters.ConnectFailuresOf(ConnectFailure.Tls));
    }

    [Fact]
    public async Task A_Reloaded_Password_File_Admits_New_Users_And_Cuts_Off_Removed_Ones_Only()
    {
        const string SchoolC = "3301020003";
        var unchanged = await ConnectAsync(SchoolOptions(SchoolA));
        var removed = await ConnectAsync(SchoolOptions(SchoolB));
        var early = await FirstAttemptAsync(SchoolOptions(SchoolC));
        Assert.Equal(ConnectFailure.NotAuthorized, early.LastConnectFailure?.Failure);

        await ChangeUsersAsync(["-b", SchoolC, Password], ["-D", SchoolB]);
        await ReloadUsersAsync();

        var added = await ConnectAsync(SchoolOptions(SchoolC));
        Assert.True(added.IsConnected);
        // Cut off, and its reconnects are refused (mosquitto 2.0 does this on SIGHUP; so does the embedded broker).
        await WaitUntilAsync(() => removed.LastConnectFailure?.Failure == ConnectFailure.NotAuthorized, "the removed user refused");
        Assert.True(removed.Counters.ConnectionLosses >= 1);
        Assert.True(unchanged.IsConnected);
        Assert.Equal(0, unchanged.Counters.ConnectionLosses);
        AssertCounted(BrokerCount.Revoked);
    }

    /// <summary>Runs mosquitto_passwd on a copy of the password file, then moves the copy over it in one step.</summary>
    private async Task ChangeUsersAsync(params string[][] changes)
    {
        var next = PasswordFile + ".next";
        File.Copy(PasswordFile, next, overwrite: true);
        foreach (var change in changes)
        {
            var info = new System.Diagnostics.ProcessStartInfo("mosquitto_passwd") { RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(change[0]);
            info.ArgumentList.Add(next);
            foreach (var arg in change.Skip(1))
            {
                info.ArgumentList.Add(arg);
            }

            using var tool = System.Diagnostics.Process.Start(info)!;
            var error = await tool.StandardError.ReadToEndAsync();
            await tool.WaitForExitAsync();
            Assert.True(tool.ExitCode == 0, $"mosquitto_passwd {string.Join(' ', change)}: {error}");
        }

        File.Move(next, PasswordFile, overwrite: true);
    }
}

/// <summary>What <see cref="BrokerAuthorizationContract.AssertCounted"/> checks on a broker that counts.</summary>
public enum BrokerCount
{
    AnonymousRefused,
    BadCredentials,
    ClientIdRefused,
    PublishDenied,
    DeliveryDenied,
    Oversized,
    Revoked,
}
