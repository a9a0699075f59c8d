using System.Text.Json;
using ClassroomFleet.Agent.Cabinet;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>The interlock across agent restarts: each "restart" is a new <see cref="RelayInterlock"/> over the same state folder.</summary>
public sealed class RelayInterlockPersistenceTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("cf-interlock-").FullName;
    private readonly CabinetClock _clock = new();
    private readonly ListLogger<RelayInterlockStore> _log = new();

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private static CabinetRelayOptions Rules(int minimumOnSeconds = 120) => new()
    {
        MaxCyclesPerHour = 3,
        MinimumOnTime = TimeSpan.FromSeconds(minimumOnSeconds),
        MinimumOffTime = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void After_A_Restart_The_Fourth_Cycle_Within_The_Hour_Is_Still_Refused()
    {
        var before = Restart(Rules(minimumOnSeconds: 0));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(before.TryBegin("rec-1", false, false).Allowed);
            _clock.Advance(TimeSpan.FromSeconds(10));
            before.End("rec-1");
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        var after = Restart(Rules(minimumOnSeconds: 0));
        var fourth = after.TryBegin("rec-1", false, force: true);

        Assert.False(fourth.Allowed);
        Assert.Contains("limit 3", fourth.Reason, StringComparison.Ordinal);
        Assert.True(after.TryBegin("rec-2", false, false).Allowed);

        // The window still slides: once the first cycle is an hour old, the next is allowed, after yet another restart.
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(Restart(Rules(minimumOnSeconds: 0)).TryBegin("rec-1", false, false).Allowed);
    }

    [Fact]
    public void A_Command_Redelivered_After_A_Restart_Does_Not_Cycle_The_Device_Again()
    {
        var before = Restart(Rules());
        Assert.True(before.TryBegin("rec-1", false, false).Allowed);
        _clock.Advance(TimeSpan.FromSeconds(10));
        before.End("rec-1");

        _clock.Advance(TimeSpan.FromSeconds(20));
        var redelivered = Restart(Rules()).TryBegin("rec-1", false, force: true);

        Assert.False(redelivered.Allowed);
        Assert.Contains("minimum on time", redelivered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Cycle_Cut_Short_By_A_Restart_Counts_As_Restored_At_The_Restart()
    {
        // The agent died with power cut: at restart the relay is opened at its power-on level, so power is back now.
        Assert.True(Restart(Rules()).TryBegin("rec-1", false, false).Allowed);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var after = Restart(Rules());
        _clock.Advance(TimeSpan.FromSeconds(119));
        var early = after.TryBegin("rec-1", false, false);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = after.TryBegin("rec-1", false, false);

        Assert.False(early.Allowed);
        Assert.Contains("minimum on time", early.Reason, StringComparison.Ordinal);
        Assert.True(onTime.Allowed);
    }

    [Fact]
    public void State_Is_Written_Per_Relay_Without_Temporary_Files_Left()
    {
        var interlock = Restart(Rules());
        interlock.TryBegin("rec-1", false, false);
        _clock.Advance(TimeSpan.FromSeconds(10));
        interlock.End("rec-1");

        var store = Store();
        using var saved = JsonDocument.Parse(File.ReadAllBytes(store.PathOf("rec-1")));

        Assert.Equal(1, saved.RootElement.GetProperty("starts").GetArrayLength());
        Assert.Equal(_clock.GetUtcNow(), saved.RootElement.GetProperty("last_restored").GetDateTimeOffset());
        Assert.Equal([store.PathOf("rec-1")], Directory.GetFiles(store.Directory));
    }

    [Theory]
    [InlineData("{\"starts\": [\"2026-07-01T07:4")]
    [InlineData("not json at all")]
    [InlineData("{\"starts\": null}")]
    [InlineData("null")]
    public void A_Corrupt_State_File_Is_Logged_Counted_And_Held_Off_Conservatively(string content)
    {
        var first = Restart(Rules(minimumOnSeconds: 0));
        for (var i = 0; i < 3; i++)
        {
            first.TryBegin("modem", false, false);
            first.End("modem");
        }

        File.WriteAllText(Store().PathOf("rec-1"), content);

        var store = Store();
        var interlock = new RelayInterlock(Rules(), _clock, store);
        var atOnce = interlock.TryBegin("rec-1", false, false);
        var modem = interlock.TryBegin("modem", false, false);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var later = interlock.TryBegin("rec-1", false, false);

        Assert.Equal(1, store.UnreadableFiles);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("rec-1.json", StringComparison.Ordinal));
        Assert.False(atOnce.Allowed);
        Assert.Contains("minimum on time", atOnce.Reason, StringComparison.Ordinal);
        Assert.True(later.Allowed);
        Assert.Contains("limit 3", modem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Start_Saved_Ahead_Of_The_Clock_Counts_From_Now()
    {
        // The gateway's clock was set back between the runs: a start "in the future" must not block for longer than an hour.
        Directory.CreateDirectory(Store().Directory);
        var ahead = _clock.GetUtcNow().AddDays(30);
        File.WriteAllText(Store().PathOf("rec-1"), $$"""{"starts":["{{ahead:O}}","{{ahead:O}}","{{ahead:O}}"],"last_restored":"{{ahead:O}}"}""");

        var interlock = Restart(Rules());
        var now = interlock.TryBegin("rec-1", false, false);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.False(now.Allowed);
        Assert.True(interlock.TryBegin("rec-1", false, false).Allowed);
    }

    [Fact]
    public void A_State_Folder_That_Cannot_Be_Written_Does_Not_Block_The_Cycle()
    {
        // The folder's path is a file: every write fails, as on a read-only or full file system.
        var blocked = Path.Combine(_state, "blocked");
        File.WriteAllText(blocked, "");
        var store = new RelayInterlockStore(blocked, _log);
        var interlock = new RelayInterlock(Rules(), _clock, store);

        var decision = interlock.TryBegin("rec-1", false, false);
        interlock.End("rec-1");

        Assert.True(decision.Allowed);
        Assert.Equal(2, store.SaveFailures);
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Error));
        Assert.False(interlock.TryBegin("rec-1", false, false).Allowed);
    }

    private RelayInterlockStore Store() => new(Path.Combine(_state, "cabinet", "relays"), _log);

    private RelayInterlock Restart(CabinetRelayOptions rules) => new(rules, _clock, Store());
}
