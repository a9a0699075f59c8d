using System.Globalization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>Inventory and status messages of made-up schools; a random code per test keeps tests on a shared broker apart.</summary>
public static class RegistryTestData
{
    public static string NewCounty() => "9" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);

    public static string NewSchool(string county) => county + Random.Shared.Next(1_000, 9_999).ToString(CultureInfo.InvariantCulture);

    public static InventoryMessage Inventory(string county, string school, string sha = "", params string[] devices) => new()
    {
        County = county,
        School = school,
        Agent = "gw-" + school,
        Name = "第一中学 " + school,
        Category = "rural",
        UrbanRuralCode = "220",
        Classes = new DatedCount(12, new DateOnly(2026, 9, 1), "教育事业统计"),
        Teachers = new DatedCount(30, new DateOnly(2026, 9, 1)),
        Students = new DatedCount(540, new DateOnly(2026, 9, 1), "学籍系统"),
        Rooms = [new InventoryRoom("r101", "一年级一班", "classroom"), new InventoryRoom("net", "网络机房", "network")],
        Devices = devices.Length == 0
            ? [new InventoryDevice("sw-core-1", "switch", "net"), new InventoryDevice("panel-101", "panel", "r101")]
            : [.. devices.Select(d => new InventoryDevice(d, "panel", "r101"))],
        SchoolFileSha256 = sha.Length == 0 ? new string('a', 64) : sha,
        Time = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
    };

    public static AgentStatus Status(string school, bool online, long? outboxDepth = 3) => new()
    {
        Agent = "gw-" + school,
        Online = online,
        Version = "1.4.2",
        ConfigVersion = 7,
        OutboxDepth = outboxDepth,
        Time = new DateTimeOffset(2026, 11, 20, 8, 0, 5, TimeSpan.Zero),
    };
}
