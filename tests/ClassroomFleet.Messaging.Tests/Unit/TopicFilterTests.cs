namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("$share/fleet/cf/v1/+/+/telemetry/+", "cf/v1/+/+/telemetry/+")]
    [InlineData("cf/v1/#", "cf/v1/#")]
    public void The_Match_Part_Drops_The_Share_Prefix(string filter, string expected) =>
        Assert.Equal(expected, TopicFilter.MatchPart(filter));

    [Theory]
    [InlineData("cf/v1/330102/3301020001/telemetry/sw-01", "$share/fleet/cf/v1/+/+/telemetry/+", true)]
    [InlineData("cf/v1/330102/3301020001/status", "$share/fleet/cf/v1/+/+/telemetry/+", false)]
    [InlineData("cf/v1/330102/3301020001/status", "cf/v1/#", true)]
    public void Shared_Filters_Match_Like_Their_Plain_Filter(string topic, string filter, bool expected) =>
        Assert.Equal(expected, TopicFilter.Matches(topic, filter));

    [Theory]
    [InlineData("a/b", true)]
    [InlineData("", false)]
    [InlineData("a/+/b", false)]
    [InlineData("a/#", false)]
    [InlineData("a\0b", false)]
    public void Topic_Names_For_Publishing_Have_No_Wildcards(string topic, bool valid) =>
        Assert.Equal(valid, TopicFilter.IsValidTopicName(topic));
}
