using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Registry;

namespace ClassroomFleet.Fleet.Tests.Registry;

public sealed class StatusValidatorTests
{
    private static readonly SchoolTopic Topic = new(TopicKind.Status, "410323", "4141032301", null);

    [Fact]
    public void A_Birth_And_A_Bare_Last_Will_Pass()
    {
        Assert.Null(StatusValidator.Validate(Topic, RegistryTestData.Status("4141032301", online: true)));
        Assert.Null(StatusValidator.Validate(Topic, new() { Agent = "gw-1", Online = false }));
    }

    [Fact]
    public void Bad_Identity_Or_Figures_Are_Invalid()
    {
        var ok = RegistryTestData.Status("4141032301", online: true);

        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic, ok with { Agent = "" })?.Failure);
        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic, ok with { Agent = "gw/+" })?.Failure);
        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic, ok with { Version = new string('1', 65) })?.Failure);
        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic, ok with { OutboxDepth = -1 })?.Failure);
        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic, ok with { OutboxOldestAgeSeconds = double.NaN })?.Failure);
        Assert.Equal(DecodeFailure.Invalid, StatusValidator.Validate(Topic with { Kind = TopicKind.Inventory }, ok)?.Failure);
    }
}
