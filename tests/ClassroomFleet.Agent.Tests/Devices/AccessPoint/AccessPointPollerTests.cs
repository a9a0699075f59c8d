using ClassroomFleet.Agent.Devices.AccessPoint;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.Devices.AccessPoint;

/// <summary>
/// Access points are seen up by ICMP echo; the <c>device</c> point of each poll is what the Wi-Fi coverage rules count.
/// Every 127.0.0.0/8 address answers on loopback; 203.0.113.1 (TEST-NET-3, RFC 5737) never does.
/// </summary>
public sealed class AccessPointPollerTests
{
    private readonly AccessPointPoller _poller = new(DeviceProfileCatalog.BuiltIn);
    private readonly DevicePollRunner _runner = new(TimeProvider.System, NullLogger<DevicePollRunner>.Instance);

    [Fact]
    public async Task An_Access_Point_That_Answers_Is_Up_In_Its_Room()
    {
        var outcome = await _runner.PollOnceAsync(_poller, Ap("127.0.0.7"), TimeSpan.FromSeconds(10));

        Assert.Null(outcome.Error);
        var health = Assert.Single(outcome.Points);
        Assert.Equal(Measurements.Device, health.Measurement);
        Assert.True(health.Booleans!["up"]);
        Assert.Equal("access_point", health.Tags![TagKeys.Kind]);
        Assert.Equal("c1", health.Tags[TagKeys.Room]);
    }

    [Fact]
    public async Task An_Access_Point_That_Does_Not_Answer_Is_Down_With_The_Reason()
    {
        var outcome = await _runner.PollOnceAsync(_poller, Ap("203.0.113.1"), TimeSpan.FromSeconds(10));

        var health = Assert.Single(outcome.Points);
        Assert.False(health.Booleans!["up"]);
        Assert.Equal(0, health.Integers!["available"]);
        Assert.StartsWith("access point 203.0.113.1 did not answer ICMP echo", health.Strings!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Address_That_Is_Not_Host_Or_Host_Port_Fails_The_Poll_Clearly()
    {
        var outcome = await _runner.PollOnceAsync(_poller, Ap("a:b:c"), TimeSpan.FromSeconds(10));

        Assert.Equal("device ap-c1: 'a:b:c' is not host or host:port", outcome.Error);
    }

    [Fact]
    public void The_School_File_Accepts_Access_Points_With_An_Address_And_Refuses_Them_Without()
    {
        Assert.Empty(SchoolFileValidator.Validate(School(Ap("10.3.1.21"))));
        Assert.Contains(SchoolFileValidator.Validate(School(Ap(""))), e => e.Field == "devices[0].address");
    }

    private static DeviceEntry Ap(string address) => new() { Id = "ap-c1", Kind = AccessPointPoller.DeviceKind, Room = "c1", Address = address };

    private static SchoolFile School(DeviceEntry device) => new()
    {
        Schema = SchoolFileValidator.SchemaV1,
        County = "410323",
        School = "4141032301",
        Name = "新安县第一初级中学",
        Category = "urban",
        Rooms = [new RoomEntry { Id = "c1", Name = "一年级1班", Type = "ordinary" }],
        Devices = [device],
    };
}
