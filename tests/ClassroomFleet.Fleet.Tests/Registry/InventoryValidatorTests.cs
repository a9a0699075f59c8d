using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Registry;

namespace ClassroomFleet.Fleet.Tests.Registry;

public sealed class InventoryValidatorTests
{
    private const string County = "410323";
    private const string School = "4141032301";
    private static readonly SchoolTopic Topic = new(TopicKind.Inventory, County, School, null);

    [Fact]
    public void A_Well_Formed_Inventory_For_Its_Own_Topic_Passes() =>
        Assert.Null(InventoryValidator.Validate(Topic, RegistryTestData.Inventory(County, School)));

    [Theory]
    [InlineData("410324", School)]
    [InlineData(County, "4141032302")]
    public void An_Inventory_Naming_Another_County_Or_School_Than_Its_Topic_Is_Spoofed(string county, string school)
    {
        var reject = InventoryValidator.Validate(Topic, RegistryTestData.Inventory(county, school));

        Assert.Equal(DecodeFailure.Spoofed, reject?.Failure);
    }

    public static TheoryData<string, InventoryMessage> InvalidInventories()
    {
        var ok = RegistryTestData.Inventory(County, School);
        return new TheoryData<string, InventoryMessage>
        {
            { "agent", ok with { Agent = "GW/1" } },
            { "name", ok with { Name = " " } },
            { "name", ok with { Name = new string('x', 201) } },
            { "category", ok with { Category = "castle" } },
            { "urban_rural_code", ok with { UrbanRuralCode = "22a" } },
            { "sha256", ok with { SchoolFileSha256 = "abc" } },
            { "negative", ok with { Students = new DatedCount(-1, new DateOnly(2026, 9, 1)) } },
            { "twice", ok with { Rooms = [new("r1", "A", "classroom"), new("r1", "B", "classroom")] } },
            { "room", ok with { Rooms = [new("", "A", "classroom")] } },
            { "device id", ok with { Devices = [new("Panel 1", "panel", null)] } },
            { "twice", ok with { Devices = [new("p1", "panel", null), new("p1", "panel", null)] } },
            { "kind", ok with { Devices = [new("p1", "", null)] } },
            { "not listed", ok with { Devices = [new("p1", "panel", "r999")] } },
            { "rooms", ok with { Rooms = null! } },
            { "rooms", ok with { Rooms = [.. Enumerable.Range(0, InventoryValidator.MaxRooms + 1).Select(i => new InventoryRoom($"r{i}", "x", "classroom"))] } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidInventories))]
    public void A_Malformed_Inventory_Is_Invalid_And_Says_Why(string expected, InventoryMessage inventory)
    {
        var reject = InventoryValidator.Validate(Topic, inventory);

        Assert.Equal(DecodeFailure.Invalid, reject?.Failure);
        Assert.Contains(expected, reject!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Status_Topic_Is_Not_An_Inventory_Topic() =>
        Assert.Equal(DecodeFailure.Invalid, InventoryValidator.Validate(Topic with { Kind = TopicKind.Status }, RegistryTestData.Inventory(County, School))?.Failure);
}
