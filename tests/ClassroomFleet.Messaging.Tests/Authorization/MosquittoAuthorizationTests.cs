using ClassroomFleet.Messaging.Authorization;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Authorization;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MosquittoAuthorizationTests : BrokerAuthorizationContract
{
    protected override bool RefusesForbiddenSubscriptions => false;

    public override async Task InitializeAsync()
    {
        var passwd = await WritePasswordFileAsync();
        var broker = new MosquittoProcess();
        var acl = broker.WriteFile("acl", MosquittoAclWriter.Write(
            [BrokerPrincipal.For(FleetUser, Roles), BrokerPrincipal.For(SchoolA), BrokerPrincipal.For(SchoolB)]));
        broker.ExtraConfig = $"allow_anonymous false\npassword_file {passwd}\nacl_file {acl}\n";
        DisposeLater(broker);
        await broker.StartAsync();
        Endpoint = (broker.Host, broker.Port);
    }
}
