using ClassroomFleet.Contracts.Topics;

namespace ClassroomFleet.Contracts.Tests.Topics;

public class TopicsTests
{
    [Theory]
    [InlineData("cf/v1/410323/4141032301/telemetry/sw-core-1", TopicKind.Telemetry, "sw-core-1")]
    [InlineData("cf/v1/410323/4141032301/status", TopicKind.Status, null)]
    [InlineData("cf/v1/410323/4141032301/inventory", TopicKind.Inventory, null)]
    [InlineData("cf/v1/410323/4141032301/config/desired", TopicKind.ConfigDesired, null)]
    [InlineData("cf/v1/410323/4141032301/config/reported", TopicKind.ConfigReported, null)]
    [InlineData("cf/v1/410323/4141032301/command/c-42", TopicKind.Command, "c-42")]
    [InlineData("cf/v1/410323/4141032301/command/c-42/result", TopicKind.CommandResult, "c-42")]
    [InlineData("cf/v1/410323/4141032301/ack", TopicKind.Ack, null)]
    public void Parses_Every_Topic_Of_Contract_V1(string topic, TopicKind kind, string? leaf)
    {
        Assert.True(ClassroomFleet.Contracts.Topics.Topics.TryParse(topic, out var parsed));
        Assert.Equal(new SchoolTopic(kind, "410323", "4141032301", leaf), parsed);
    }

    [Theory]
    [InlineData("cf/v2/410323/4141032301/status")]
    [InlineData("cf/v1/41032/4141032301/status")]
    [InlineData("cf/v1/410323/414103230/status")]
    [InlineData("cf/v1/410323/4141032301/telemetry/Sw-Core")]
    [InlineData("cf/v1/410323/4141032301/telemetry/")]
    [InlineData("cf/v1/410323/4141032301/telemetry/a/b")]
    [InlineData("cf/v1/410323/4141032301/config/other")]
    [InlineData("cf/v1/410323/4141032301/unknown")]
    [InlineData("cf/v1/410323/4141032301/command/x/other")]
    [InlineData("")]
    public void Rejects_Anything_Else(string topic)
    {
        Assert.False(ClassroomFleet.Contracts.Topics.Topics.TryParse(topic, out _));
    }

    [Fact]
    public void Builders_And_Parser_Agree()
    {
        var topics = new[]
        {
            ClassroomFleet.Contracts.Topics.Topics.Telemetry("410323", "4141032301", "panel-3-2"),
            ClassroomFleet.Contracts.Topics.Topics.Command("410323", "4141032301", "c1"),
            ClassroomFleet.Contracts.Topics.Topics.CommandResult("410323", "4141032301", "c1"),
            ClassroomFleet.Contracts.Topics.Topics.Ack("410323", "4141032301"),
        };
        Assert.All(topics, t => Assert.True(ClassroomFleet.Contracts.Topics.Topics.TryParse(t, out _), t));
    }

    [Fact]
    public void Shared_Subscription_Follows_Mqtt5_Syntax()
    {
        Assert.Equal("$share/fleet/cf/v1/+/+/telemetry/+", ClassroomFleet.Contracts.Topics.Topics.Shared("fleet", ClassroomFleet.Contracts.Topics.Topics.AllTelemetry));
    }
}
