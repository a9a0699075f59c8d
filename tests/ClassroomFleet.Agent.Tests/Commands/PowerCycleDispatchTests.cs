using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;
using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Agent.Tests.Cabinet;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using Microsoft.Extensions.Options;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Commands;

/// <summary>A <c>power_cycle</c> command message through the real dispatcher, handler, relays and interlock, down to a fake GPIO line.</summary>
public sealed class PowerCycleDispatchTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("cf-power-cycle-").FullName;
    private readonly FakeGpioDriver _driver = new();
    private readonly CabinetClock _clock = new();
    private readonly CabinetHardware _hardware;
    private readonly CommandDispatcher _dispatcher;

    public PowerCycleDispatchTests()
    {
        var options = Create();
        _hardware = Hardware(options, new FakeGpioDriverFactory(_driver));
        var relays = new CabinetRelays(_hardware, Options.Create(options), new RelayInterlockStore(_state, new ListLogger<RelayInterlockStore>()), _clock, new ListLogger<CabinetRelays>());
        _dispatcher = new CommandDispatcher([new PowerCycleHandler(relays)], _clock, new ListLogger<CommandDispatcher>());
    }

    public void Dispose()
    {
        _hardware.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task A_Power_Cycle_Command_Cuts_The_Relay_Line_Then_Restores_It()
    {
        _ = _hardware.Gpio;
        Assert.Equal(PinValue.High, _driver.LevelOf(RecorderRelay));   // active-low board, NC contact: powered
        var payload = Payload("c-1", "rec-1");

        var dispatch = _dispatcher.DispatchAsync("c-1", payload, CancellationToken.None);
        Assert.Equal(PinValue.Low, _driver.LevelOf(RecorderRelay));
        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var (command, outcome) = Assert.NotNull(await dispatch);

        Assert.Equal("rec-1", command!.Device);
        Assert.Equal(CommandState.Succeeded, outcome.State);
        Assert.Equal([(RecorderRelay, PinValue.Low), (RecorderRelay, PinValue.High)], _driver.Writes);
        Assert.Null(await _dispatcher.DispatchAsync("c-1", payload, CancellationToken.None));   // a redelivery runs nothing
        Assert.Equal(2, _driver.Writes.Count);
    }

    [Fact]
    public async Task The_Uplink_Relay_Moves_Only_For_A_Command_With_Force()
    {
        _ = _hardware.Gpio;

        var (_, refused) = Assert.NotNull(await _dispatcher.DispatchAsync("c-2", Payload("c-2", "modem"), CancellationToken.None));
        Assert.Equal(CommandState.Failed, refused.State);
        Assert.Empty(_driver.Writes);

        var dispatch = _dispatcher.DispatchAsync("c-3", Payload("c-3", "modem", force: "TRUE"), CancellationToken.None);
        Assert.Equal(PinValue.Low, _driver.LevelOf(ModemRelay));
        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var (_, forced) = Assert.NotNull(await dispatch);

        Assert.Equal(CommandState.Succeeded, forced.State);
        Assert.Equal(PinValue.High, _driver.LevelOf(ModemRelay));
    }

    private byte[] Payload(string id, string device, string? force = null) => ContractSerializer.Serialize(new CommandMessage
    {
        Id = id,
        Type = CommandTypes.PowerCycle,
        Device = device,
        Args = force is null ? null : new Dictionary<string, string> { ["force"] = force },
        IssuedAt = _clock.GetUtcNow(),
        ExpiresAt = _clock.GetUtcNow().AddMinutes(5),
    }, ContractJsonContext.Default.CommandMessage);
}
