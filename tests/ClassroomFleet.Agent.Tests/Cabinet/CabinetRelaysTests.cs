using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;
using Microsoft.Extensions.Options;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class CabinetRelaysTests : IDisposable
{
    private readonly FakeGpioDriver _driver = new();
    private readonly CabinetClock _clock = new();
    private readonly CabinetOptions _options = Create();
    private readonly string _state = Directory.CreateTempSubdirectory("cf-relays-").FullName;
    private readonly CabinetHardware _hardware;
    private readonly CabinetRelays _relays;

    public CabinetRelaysTests()
    {
        _hardware = Hardware(_options, new FakeGpioDriverFactory(_driver));
        _relays = Relays(_hardware);
    }

    public void Dispose()
    {
        _hardware.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Power_Is_Cut_Held_Off_For_The_Minimum_Off_Time_Then_Restored()
    {
        // Active-low board, normally-closed contact: powered = coil released = high; cut = coil energised = low.
        _ = _hardware.Gpio;
        Assert.Equal(PinValue.High, _driver.LevelOf(RecorderRelay));

        var cycle = _relays.PowerCycleAsync("rec-1", force: false);
        Assert.Equal(PinValue.Low, _driver.LevelOf(RecorderRelay));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(cycle.IsCompleted);
        Assert.Equal(PinValue.Low, _driver.LevelOf(RecorderRelay));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var done = Assert.IsType<PowerCycleDone>(await cycle);

        Assert.Equal(PinValue.High, _driver.LevelOf(RecorderRelay));
        Assert.Equal(TimeSpan.FromSeconds(10), done.RestoredAt - done.CutAt);
        Assert.Equal([(RecorderRelay, PinValue.Low), (RecorderRelay, PinValue.High)], _driver.Writes);
    }

    [Fact]
    public async Task Uplink_Relay_Needs_Force_And_Normally_Open_Contact_Cuts_By_Releasing()
    {
        _ = _hardware.Gpio;
        Assert.Equal(PinValue.High, _driver.LevelOf(ModemRelay));

        var refused = Assert.IsType<PowerCycleRefused>(await _relays.PowerCycleAsync("modem", force: false));
        Assert.Contains("uplink", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(_driver.Writes);

        var cycle = _relays.PowerCycleAsync("modem", force: true);
        Assert.Equal(PinValue.Low, _driver.LevelOf(ModemRelay));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<PowerCycleDone>(await cycle);
        Assert.Equal(PinValue.High, _driver.LevelOf(ModemRelay));
    }

    [Fact]
    public async Task A_Request_During_A_Cycle_Is_Refused_Without_Touching_The_Line()
    {
        var first = _relays.PowerCycleAsync("rec-1", false);

        var second = await _relays.PowerCycleAsync("rec-1", true);

        Assert.IsType<PowerCycleRefused>(second);
        Assert.Single(_driver.Writes);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<PowerCycleDone>(await first);
    }

    [Fact]
    public async Task Unknown_Device_Has_No_Relay()
    {
        var result = await _relays.PowerCycleAsync("panel-3-2", force: true);

        Assert.Equal(new PowerCycleNoRelay("panel-3-2"), result);
        Assert.Equal(["modem", "rec-1"], _relays.Devices.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancelled_Before_The_Cut_Does_Nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _relays.PowerCycleAsync("rec-1", false, cts.Token));

        Assert.Empty(_driver.Writes);
    }

    [Fact]
    public async Task Cancelled_After_The_Cut_Still_Restores_After_The_Full_Off_Time()
    {
        using var cts = new CancellationTokenSource();
        var cycle = _relays.PowerCycleAsync("rec-1", false, cts.Token);
        await cts.CancelAsync();

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(PinValue.Low, _driver.LevelOf(RecorderRelay));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.IsType<PowerCycleDone>(await cycle);
        Assert.Equal(PinValue.High, _driver.LevelOf(RecorderRelay));
    }

    [Fact]
    public async Task Failed_Write_Is_A_Hardware_Error()
    {
        _ = _hardware.Gpio;
        _driver.FailWrites = true;

        var result = Assert.IsType<PowerCycleHardwareError>(await _relays.PowerCycleAsync("rec-1", false));

        Assert.False(result.PowerLeftOff);
        Assert.Contains("recorder-power", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_Relay_Without_Working_Gpio_Is_A_Hardware_Error()
    {
        var hardware = Hardware(_options, new FakeGpioDriverFactory(_driver, new IOException("No such file or directory")));
        var relays = Relays(hardware);

        var result = Assert.IsType<PowerCycleHardwareError>(await relays.PowerCycleAsync("rec-1", false));

        Assert.Contains("/dev/gpiochip0", result.Message, StringComparison.Ordinal);
        Assert.IsType<PowerCycleNoRelay>(await relays.PowerCycleAsync("nothing", false));
    }

    [Fact]
    public async Task A_Restarted_Agent_Still_Holds_The_Minimum_On_Time()
    {
        var cycle = _relays.PowerCycleAsync("rec-1", false);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<PowerCycleDone>(await cycle);

        // The fleet redelivers the command to the restarted agent: a new CabinetRelays over the same state directory.
        _clock.Advance(TimeSpan.FromSeconds(30));
        var restarted = Relays(_hardware);
        var again = Assert.IsType<PowerCycleRefused>(await restarted.PowerCycleAsync("rec-1", force: true));

        Assert.Contains("minimum on time", again.Reason, StringComparison.Ordinal);
        Assert.Equal(2, _driver.Writes.Count);
    }

    private CabinetRelays Relays(CabinetHardware hardware) =>
        new(hardware, Options.Create(_options), new RelayInterlockStore(_state, new ListLogger<RelayInterlockStore>()), _clock, new ListLogger<CabinetRelays>());
}
