using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MqttTlsTests
{
    private static async Task<(MosquittoProcess Broker, TestCertificates Certificates)> StartTlsBrokerAsync(bool requireClientCertificate)
    {
        var broker = new MosquittoProcess();
        var certificates = TestCertificates.Create(broker.Directory);
        broker.ListenerOptions =
            $"cafile {certificates.CaFile}\ncertfile {certificates.ServerCertFile}\nkeyfile {certificates.ServerKeyFile}\n" +
            $"require_certificate {(requireClientCertificate ? "true" : "false")}\n";
        await broker.StartAsync();
        return (broker, certificates);
    }

    private static MqttTransportOptions TlsOptions(MosquittoProcess broker, string caFile)
    {
        var options = TransportFactory.Options(broker);
        options.Tls = new MqttTlsOptions { CaFile = caFile };
        return options;
    }

    [Fact]
    public async Task Connects_And_Publishes_Over_Tls_Trusting_Only_The_Given_Ca()
    {
        var (broker, certificates) = await StartTlsBrokerAsync(requireClientCertificate: false);
        await using var _ = broker;
        await using var transport = await TransportFactory.StartedAsync(TlsOptions(broker, certificates.CaFile));

        var result = await transport.PublishAsync(new OutgoingMessage(TransportFactory.UniqueTopic(), "tls"u8.ToArray()));

        Assert.True(result.Accepted);
    }

    [Fact]
    public async Task Refuses_A_Broker_Whose_Certificate_Comes_From_Another_Ca()
    {
        var (broker, _) = await StartTlsBrokerAsync(requireClientCertificate: false);
        await using var _b = broker;
        var stranger = TestCertificates.Create(broker.Directory, "other-");
        var logger = new TestLogger<MqttTransport>();
        await using var transport = new MqttTransport(TlsOptions(broker, stranger.CaFile), logger);

        await transport.StartAsync();

        Assert.False(transport.IsConnected);
        Assert.True(transport.Counters.ConnectFailures >= 1);
        Assert.True(logger.Has(1001));
    }

    [Fact]
    public async Task Mutual_Tls_Connects_With_The_Client_Certificate_And_Fails_Without_It()
    {
        var (broker, certificates) = await StartTlsBrokerAsync(requireClientCertificate: true);
        await using var _ = broker;
        var withCertificate = TlsOptions(broker, certificates.CaFile);
        withCertificate.Tls.ClientCertFile = certificates.ClientCertFile;
        withCertificate.Tls.ClientKeyFile = certificates.ClientKeyFile;
        await using var good = await TransportFactory.StartedAsync(withCertificate);
        Assert.True((await good.PublishAsync(new OutgoingMessage(TransportFactory.UniqueTopic(), "mtls"u8.ToArray()))).Accepted);

        await using var bad = new MqttTransport(TlsOptions(broker, certificates.CaFile), new TestLogger<MqttTransport>());
        await bad.StartAsync();
        Assert.False(bad.IsConnected);
        Assert.True(bad.Counters.ConnectFailures >= 1);
    }
}
