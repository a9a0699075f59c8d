using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Tests.Authorization;

public sealed class MosquittoAclWriterTests
{
    public static readonly BrokerPrincipal[] SamplePrincipals =
    [
        BrokerPrincipal.For("fleet", new Dictionary<string, BrokerRole> { ["fleet"] = BrokerRole.Fleet }),
        BrokerPrincipal.For("3301020001"),
        BrokerPrincipal.For("3301020002"),
    ];

    [Fact]
    public void The_Sample_Acl_In_Resources_Is_What_The_Writer_Produces()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "mosquitto.acl"));
        Assert.Equal(MosquittoAclWriter.Write(SamplePrincipals), sample);
    }

    [Fact]
    public void The_Production_Acl_Grants_The_Same_Rights_As_The_Writer()
    {
        static IEnumerable<string> Rules(string acl) =>
            acl.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        var production = RepositoryFiles.Read("provisioning", "mosquitto", "acl");
        Assert.Equal(Rules(MosquittoAclWriter.Write(SamplePrincipals)), Rules(production));
    }

    [Fact]
    public void Fleet_Users_Also_Read_The_Brokers_Sys_Tree_Which_Their_Hash_Does_Not_Cover()
    {
        var acl = MosquittoAclWriter.Write(SamplePrincipals);

        Assert.Contains("user fleet\ntopic readwrite #\ntopic read $SYS/#\n", acl, StringComparison.Ordinal);
        Assert.Single(acl.Split('\n'), l => l.Contains("$SYS", StringComparison.Ordinal));
    }

    [Fact]
    public void Schools_Are_Granted_By_Pattern_On_Their_Own_Code()
    {
        var acl = MosquittoAclWriter.Write([BrokerPrincipal.For("3301020001")]);
        Assert.Contains("pattern write cf/v1/+/%u/telemetry/+\n", acl, StringComparison.Ordinal);
        Assert.Contains("pattern read cf/v1/+/%u/command/+\n", acl, StringComparison.Ordinal);
        Assert.DoesNotContain("3301020001", acl, StringComparison.Ordinal);
        Assert.DoesNotContain("readwrite", acl, StringComparison.Ordinal);
    }
}
