using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Tests.Authorization;

public sealed class TopicPatternTests
{
    [Theory]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/+/c", true)]
    [InlineData("a/b/c", "a/+/c", false)]
    [InlineData("a/+/c", "a/b/c/d", false)]
    [InlineData("a/+/c", "a/b", false)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/#", "a/+/#", true)]
    [InlineData("a/+", "a/#", false)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("a/+/c", "a/b/x", false)]
    [InlineData("cf/v1/+/3301020001/command/+", "cf/v1/+/3301020001/command/+/result", false)]
    public void Covers_Matches_Level_By_Level(string pattern, string filter, bool expected) =>
        Assert.Equal(expected, TopicPattern.Covers(pattern, filter));
}
