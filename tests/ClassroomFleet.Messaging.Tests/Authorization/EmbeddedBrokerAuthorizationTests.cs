using ClassroomFleet.Messaging.Broker;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Tests.Authorization;

/// <summary>
/// The contract against the embedded broker: a plain listener for the fleet and a TLS listener for the schools, the
/// password file written by mosquitto_passwd, and otherwise its defaults (which mirror mosquitto.conf).
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "the broker is disposed through DisposeLater in IAsyncLifetime.DisposeAsync")]
public sealed class EmbeddedBrokerAuthorizationTests : BrokerAuthorizationContract
{
    private EmbeddedBroker _broker = null!;

    protected override bool ReplacesSchoolClientIds => false;

    protected override async Task StartBrokerAsync(string passwordFile)
    {
        var port = MosquittoProcess.FreeTcpPort();
        var tlsPort = MosquittoProcess.FreeTcpPort();
        _broker = new EmbeddedBroker(
            Options.Create(new EmbeddedBrokerOptions
            {
                Enabled = true,
                Port = port,
                PasswordFile = passwordFile,
                Roles = Roles,
                PasswordFileReloadInterval = TimeSpan.FromMilliseconds(200),
                Tls = new EmbeddedBrokerTlsOptions
                {
                    Enabled = true,
                    Port = tlsPort,
                    CertificateFile = Certificates.ServerCertFile,
                    KeyFile = Certificates.ServerKeyFile,
                },
            }),
            new TestLogger<EmbeddedBroker>());
        DisposeLater(_broker);
        await _broker.StartAsync(CancellationToken.None);
        FleetEndpoint = ("127.0.0.1", port);
        SchoolEndpoint = ("127.0.0.1", tlsPort);
    }

    protected override async Task ReloadUsersAsync()
    {
        var before = _broker.Counters.PasswordFileReloads;
        await WaitUntilAsync(() => _broker.Counters.PasswordFileReloads > before, "the embedded broker rereads its password file");
    }

    protected override void AssertCounted(BrokerCount count)
    {
        var counters = _broker.Counters;
        var value = count switch
        {
            BrokerCount.AnonymousRefused => counters.RefusedConnectionsOf(ConnectionRefusal.AnonymousNotAllowed),
            BrokerCount.BadCredentials => counters.RefusedConnectionsOf(ConnectionRefusal.BadCredentials),
            BrokerCount.ClientIdRefused => counters.RefusedConnectionsOf(ConnectionRefusal.ClientIdNotAllowed),
            BrokerCount.PublishDenied => counters.DeniedPublishes,
            BrokerCount.DeliveryDenied => counters.DeniedDeliveries,
            BrokerCount.Oversized => counters.OversizedPublishes,
            BrokerCount.Revoked => counters.RevokedConnections,
            _ => throw new ArgumentOutOfRangeException(nameof(count)),
        };
        Assert.True(value >= 1, $"{count} not counted");
    }

    [Fact]
    public async Task A_Password_File_That_Cannot_Be_Read_Keeps_The_Previous_Users_In_Force_And_Is_Counted()
    {
        var before = _broker.Counters.PasswordFileReloadFailures;
        await File.AppendAllTextAsync(PasswordFile, "half-written line\n");

        await WaitUntilAsync(() => _broker.Counters.PasswordFileReloadFailures > before, "the unreadable file reported");

        var school = await ConnectAsync(SchoolOptions(SchoolA));
        Assert.True(school.IsConnected);
        Assert.Equal(0, _broker.Counters.RevokedConnections);
    }
}
