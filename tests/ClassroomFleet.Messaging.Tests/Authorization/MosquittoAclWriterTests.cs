using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Tests.Authorization;

public sealed class MosquittoAclWriterTests
{
    public static readonly BrokerPrincipal[] SamplePrincipals =
    [
        BrokerPrincipal.For("fleet", new Dictionary<string, BrokerRole> { ["fleet"] = BrokerRole.Fleet }),
        BrokerPrincipal.For("school-3301020001"),
        BrokerPrincipal.For("school-3301020002"),
    ];

    [Fact]
    public void The_Sample_Acl_In_Resources_Is_What_The_Writer_Produces()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "mosquitto.acl"));
        Assert.Equal(MosquittoAclWriter.Write(SamplePrincipals), sample);
    }

    [Fact]
    public void A_School_Block_Lists_Its_Own_Code_Only()
    {
        var acl = MosquittoAclWriter.Write([BrokerPrincipal.For("school-3301020001")]);
        Assert.Contains("user school-3301020001\n", acl, StringComparison.Ordinal);
        Assert.Contains("topic write cf/v1/+/3301020001/telemetry/+\n", acl, StringComparison.Ordinal);
        Assert.Contains("topic read cf/v1/+/3301020001/command/+\n", acl, StringComparison.Ordinal);
        Assert.DoesNotContain("readwrite", acl, StringComparison.Ordinal);
    }
}
