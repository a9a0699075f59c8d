namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class MqttTransportOptionsValidatorTests
{
    private static MqttTransportOptions Valid() => new() { Host = "127.0.0.1", ClientId = "3301020001" };

    [Fact]
    public void Valid_Options_Pass()
    {
        Assert.Empty(new MqttTransportOptionsValidator().Errors(Valid()));
    }

    [Fact]
    public void A_Persistent_Session_Without_Expiry_Is_Refused()
    {
        var options = Valid();
        options.SessionExpiry = TimeSpan.Zero;

        var errors = new MqttTransportOptionsValidator().Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Mqtt:SessionExpiry ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(63, false)]
    [InlineData(64, true)]
    public void Republishing_After_A_Loss_Is_Off_Or_Covers_The_Inflight_Window(int republish, bool valid)
    {
        var options = Valid();
        options.MaximumInflight = 64;
        options.RepublishAfterLoss = republish;

        var errors = new MqttTransportOptionsValidator().Errors(options);

        Assert.Equal(valid, !errors.Any(e => e.Contains("RepublishAfterLoss", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(65536, false)]
    public void The_Receive_Maximum_Fits_The_Two_Bytes_Mqtt_Gives_It_And_Is_Not_Zero(int receiveMaximum, bool valid)
    {
        var options = Valid();
        options.ReceiveMaximum = receiveMaximum;

        var errors = new MqttTransportOptionsValidator().Errors(options);

        Assert.Equal(valid, !errors.Any(e => e.StartsWith("Mqtt:ReceiveMaximum ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_Clean_Start_Session_May_Have_Zero_Expiry()
    {
        var options = Valid();
        options.CleanStart = true;
        options.SessionExpiry = TimeSpan.Zero;

        Assert.Empty(new MqttTransportOptionsValidator().Errors(options));
    }

    [Fact]
    public void Every_Error_Is_Reported_With_Its_Key()
    {
        var options = new MqttTransportOptions
        {
            Host = "",
            Port = 0,
            ClientId = "",
            ProtocolVersion = "4",
            MaximumPacketSize = 10,
            OutgoingQueueCapacity = 0,
            ReceiveMaximum = 0,
            SocketBufferBytes = 1024,
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            Tls = new MqttTlsOptions { CaFile = "/nonexistent/ca.pem", ClientCertFile = "/nonexistent/c.pem" },
            Will = new MqttWillOptions { Topic = "a/+/b" },
        };

        var errors = new MqttTransportOptionsValidator("Agent:Mqtt").Errors(options);

        string[] keys = ["Host", "Port", "ClientId", "ProtocolVersion", "MaximumPacketSize", "OutgoingQueueCapacity", "ReceiveMaximum", "SocketBufferBytes", "ReconnectMaxDelay",
            "Tls:CaFile", "Tls:ClientKeyFile", "Tls:ClientCertFile", "Will:Topic"];
        foreach (var key in keys)
        {
            Assert.Contains(errors, e => e.StartsWith($"Agent:Mqtt:{key} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_Transport_Refuses_Invalid_Options_At_Construction()
    {
        var options = Valid();
        options.ClientId = "";
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new MqttTransport(options, new TestLogger<MqttTransport>()));
        Assert.Contains("Mqtt:ClientId", error.Message, StringComparison.Ordinal);
    }
}
