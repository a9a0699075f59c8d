using ClassroomFleet.Messaging.Broker;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Tests.Authorization;

// mosquitto_passwd writes the password file the embedded broker reads.
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class EmbeddedBrokerAuthorizationTests : BrokerAuthorizationContract
{
    protected override bool RefusesForbiddenSubscriptions => true;

    public override async Task InitializeAsync()
    {
        var passwd = await WritePasswordFileAsync();
        var port = MosquittoProcess.FreeTcpPort();
        var broker = new EmbeddedBroker(
            Options.Create(new EmbeddedBrokerOptions { Enabled = true, Port = port, PasswordFile = passwd, Roles = Roles }),
            new TestLogger<EmbeddedBroker>());
        DisposeLater(broker);
        await broker.StartAsync(CancellationToken.None);
        Endpoint = ("127.0.0.1", port);
    }
}
