using ClassroomFleet.Agent.Cabinet;
using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Tests.Commands;

public sealed class PowerCycleHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 50, 0, TimeSpan.Zero);
    private readonly FakeCabinetRelays _relays = new();

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("garbage", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public async Task Force_Is_Only_The_Word_True_In_Any_Case(string text, bool expected)
    {
        _relays.Result = new PowerCycleDone("rec-1", Now, Now.AddSeconds(10));

        await Handler().HandleAsync(Command("rec-1", new Dictionary<string, string> { ["force"] = text }));

        var call = Assert.Single(_relays.Calls);
        Assert.Equal(("rec-1", expected), (call.Device, call.Force));
    }

    [Fact]
    public async Task Without_A_Force_Argument_It_Is_Not_Forced()
    {
        await Handler().HandleAsync(Command("rec-1", new Dictionary<string, string> { ["reason"] = "frozen" }));
        await Handler().HandleAsync(Command("rec-1", args: null));

        Assert.Equal([false, false], _relays.Calls.Select(c => c.Force));
    }

    [Fact]
    public async Task A_Done_Cycle_Succeeds_With_Its_Times()
    {
        _relays.Result = new PowerCycleDone("rec-1", Now, Now.AddSeconds(10));

        var outcome = await Handler().HandleAsync(Command("rec-1"));

        Assert.Equal(CommandState.Succeeded, outcome.State);
        Assert.Equal(Now, DateTimeOffset.Parse(outcome.Output!["cut_at"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Now.AddSeconds(10), DateTimeOffset.Parse(outcome.Output["restored_at"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_Refusal_Fails_With_The_Interlocks_Reason()
    {
        _relays.Result = new PowerCycleRefused("rec-1", "rec-1 was cycled 3 times in the last hour (limit 3)");

        var outcome = await Handler().HandleAsync(Command("rec-1"));

        Assert.Equal(CommandState.Failed, outcome.State);
        Assert.Contains("interlock", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("limit 3", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_Relay_Is_Unsupported_And_Names_The_Device()
    {
        _relays.Result = new PowerCycleNoRelay("panel-3-2");

        var outcome = await Handler().HandleAsync(Command("panel-3-2"));

        Assert.Equal(CommandState.Unsupported, outcome.State);
        Assert.Contains("panel-3-2", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Hardware_Error_Fails_And_Says_When_The_Device_May_Still_Be_Off(bool powerLeftOff)
    {
        _relays.Result = new PowerCycleHardwareError("rec-1", "relay recorder-power (line 22): write failed", powerLeftOff);

        var outcome = await Handler().HandleAsync(Command("rec-1"));

        Assert.Equal(CommandState.Failed, outcome.State);
        Assert.Contains("line 22", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(powerLeftOff, outcome.Reason!.Contains("may still be off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Command_Without_A_Device_Fails_Without_Touching_A_Relay()
    {
        var outcome = await Handler().HandleAsync(Command(device: null));

        Assert.Equal(CommandState.Failed, outcome.State);
        Assert.Empty(_relays.Calls);
    }

    [Fact]
    public async Task The_Commands_Cancellation_Reaches_The_Relays()
    {
        using var cts = new CancellationTokenSource();

        await Handler().HandleAsync(Command("rec-1"), cts.Token);

        Assert.Equal(cts.Token, Assert.Single(_relays.Calls).Token);
    }

    private PowerCycleHandler Handler() => new(_relays);

    private static CommandMessage Command(string? device, IReadOnlyDictionary<string, string>? args = null) => new()
    {
        Id = "c-1",
        Type = CommandTypes.PowerCycle,
        Device = device,
        Args = args,
        IssuedAt = Now,
        ExpiresAt = Now.AddMinutes(5),
    };
}
