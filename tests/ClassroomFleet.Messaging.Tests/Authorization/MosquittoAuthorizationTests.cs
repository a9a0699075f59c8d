using ClassroomFleet.Messaging.Tests.Brokers;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Authorization;

/// <summary>
/// The contract against mosquitto 2.0 running provisioning/mosquitto/mosquitto.conf and provisioning/mosquitto/acl
/// as committed (only paths, ports and certificates are the test's own), with a password file from mosquitto_passwd.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MosquittoAuthorizationTests : BrokerAuthorizationContract
{
    protected override bool ReplacesSchoolClientIds => true;

    protected override async Task StartBrokerAsync(string passwordFile)
    {
        var acl = Files.WriteFile("acl", RepositoryFiles.Read("provisioning", "mosquitto", "acl"));
        var schoolPort = MosquittoProcess.FreeTcpPort();
        Files.PersistenceConfig = ""; // the production file's own persistence settings apply
        Files.ExtraConfig = ProductionMosquittoConfig.Adapt(
            RepositoryFiles.Read("provisioning", "mosquitto", "mosquitto.conf"), passwordFile, acl, schoolPort, Certificates);
        await Files.StartAsync();
        FleetEndpoint = (Files.Host, Files.Port);
        SchoolEndpoint = (Files.Host, schoolPort);
    }

    protected override async Task ReloadUsersAsync()
    {
        static int Reloads(string log) => log.Split("Reloading config.").Length - 1;
        var before = Reloads(Files.ReadLog());
        using (var hup = System.Diagnostics.Process.Start("kill", ["-HUP", Files.ProcessId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await hup.WaitForExitAsync();
        }

        await WaitUntilAsync(() => Reloads(Files.ReadLog()) > before, "mosquitto logs 'Reloading config.' after SIGHUP");
    }
}
