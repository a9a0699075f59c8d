using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Tests.Authorization;

public sealed class SchoolTopicAuthorizerTests
{
    private static readonly BrokerPrincipal SchoolA = BrokerPrincipal.For("3301020001");
    private static readonly BrokerPrincipal Fleet = BrokerPrincipal.For("fleet", new Dictionary<string, BrokerRole> { ["fleet"] = BrokerRole.Fleet });

    [Theory]
    [InlineData("cf/v1/330102/3301020001/telemetry/sw-01", true)]
    [InlineData("cf/v1/330102/3301020001/status", true)]
    [InlineData("cf/v1/330102/3301020001/inventory", true)]
    [InlineData("cf/v1/330102/3301020001/config/reported", true)]
    [InlineData("cf/v1/330102/3301020001/command/c1/result", true)]
    [InlineData("cf/v1/330102/3301020001/config/desired", false)]
    [InlineData("cf/v1/330102/3301020001/command/c1", false)]
    [InlineData("cf/v1/330102/3301020001/ack", false)]
    [InlineData("cf/v1/330102/3301020002/telemetry/sw-01", false)]
    [InlineData("cf/v1/330102/3301020001/telemetry/sw-01/extra", false)]
    [InlineData("other/topic", false)]
    public void School_Publishes_Only_Its_Own_Upstream_Topics(string topic, bool allowed) =>
        Assert.Equal(allowed, SchoolTopicAuthorizer.MayPublish(SchoolA, topic));

    [Theory]
    [InlineData("cf/v1/+/3301020001/config/desired", true)]
    [InlineData("cf/v1/330102/3301020001/command/+", true)]
    [InlineData("cf/v1/+/3301020001/ack", true)]
    [InlineData("$share/g/cf/v1/+/3301020001/ack", true)]
    [InlineData("cf/v1/+/3301020001/#", false)]
    [InlineData("cf/v1/+/+/command/+", false)]
    [InlineData("cf/v1/+/3301020002/config/desired", false)]
    [InlineData("cf/v1/+/3301020001/telemetry/+", false)]
    [InlineData("#", false)]
    public void School_Subscribes_Only_To_Its_Own_Downstream_Topics(string filter, bool allowed) =>
        Assert.Equal(allowed, SchoolTopicAuthorizer.MaySubscribe(SchoolA, filter));

    [Fact]
    public void Fleet_And_Admin_May_Do_Everything_And_Others_Nothing()
    {
        var admin = BrokerPrincipal.For("ops", new Dictionary<string, BrokerRole> { ["ops"] = BrokerRole.Admin });
        var nobody = BrokerPrincipal.For("guest");

        Assert.True(SchoolTopicAuthorizer.MayPublish(Fleet, "cf/v1/330102/3301020001/command/c1"));
        Assert.True(SchoolTopicAuthorizer.MaySubscribe(admin, "#"));
        Assert.False(SchoolTopicAuthorizer.MayPublish(nobody, "cf/v1/330102/3301020001/status"));
        Assert.False(SchoolTopicAuthorizer.MaySubscribe(nobody, "cf/v1/+/3301020001/ack"));
    }

    [Theory]
    [InlineData("3301020001", BrokerRole.School, "3301020001")]
    [InlineData("330102000", BrokerRole.None, null)]
    [InlineData("33010200011", BrokerRole.None, null)]
    [InlineData("33010200a1", BrokerRole.None, null)]
    [InlineData("School-3301020001", BrokerRole.None, null)]
    public void School_Users_Are_Recognised_By_Exactly_Ten_Digits(string user, BrokerRole role, string? code)
    {
        var principal = BrokerPrincipal.For(user);
        Assert.Equal(role, principal.Role);
        Assert.Equal(code, principal.SchoolCode);
    }

    [Fact]
    public void A_Role_List_Cannot_Make_A_Non_School_Name_A_School()
    {
        var principal = BrokerPrincipal.For("x", new Dictionary<string, BrokerRole> { ["x"] = BrokerRole.School });
        Assert.Equal(BrokerRole.None, principal.Role);
    }
}
