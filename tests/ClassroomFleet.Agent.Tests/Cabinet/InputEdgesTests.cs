using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class InputEdgesTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);
    private readonly FakeGpioDriver _driver = new();
    private readonly CabinetClock _clock = new();
    private readonly CabinetGpio _gpio;
    private readonly CancellationTokenSource _stop = new();

    public InputEdgesTests()
    {
        _gpio = CabinetGpio.Open(Create(), new FakeGpioDriverFactory(_driver));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _gpio.Dispose();
    }

    private CabinetInput Input(string name) => _gpio.Inputs.Single(i => i.Name == name);

    [Fact]
    public async Task Settled_Change_Is_Yielded_After_The_Debounce_Time()
    {
        await using var edges = InputEdges.WatchAsync(Input("door"), Debounce, _clock, _stop.Token).GetAsyncEnumerator();
        var next = edges.MoveNextAsync().AsTask();
        await WaitForCallbackAsync(Door);

        _driver.SetInput(Door, PinValue.High);
        await _clock.WaitForTimersAsync();
        Assert.False(next.IsCompleted);
        _clock.Advance(Debounce);

        Assert.True(await next);
        Assert.Equal(new InputChange("door", PinRole.Door, true, _clock.GetUtcNow()), edges.Current);
    }

    [Fact]
    public async Task Bounce_Shorter_Than_Debounce_Yields_Nothing_And_The_Next_Real_Change_Comes_Through()
    {
        await using var edges = InputEdges.WatchAsync(Input("door"), Debounce, _clock, _stop.Token).GetAsyncEnumerator();
        var next = edges.MoveNextAsync().AsTask();
        await WaitForCallbackAsync(Door);

        // A glitch: high and back low within 50 ms.
        _driver.SetInput(Door, PinValue.High);
        _driver.SetInput(Door, PinValue.Low);
        await _clock.WaitForTimersAsync();
        _clock.Advance(Debounce);
        await WaitForNoTimersAsync();
        Assert.False(next.IsCompleted);

        // A real opening with contact bounce: low-high-low-high, then stays high.
        _driver.SetInput(Door, PinValue.High);
        _driver.SetInput(Door, PinValue.Low);
        _driver.SetInput(Door, PinValue.High);
        await _clock.WaitForTimersAsync();
        _clock.Advance(Debounce);

        Assert.True(await next);
        Assert.True(edges.Current.Active);
    }

    [Fact]
    public async Task Active_Low_Input_Reports_Mains_Present_When_Low()
    {
        _driver.SetInput(Mains, PinValue.Low);
        await using var edges = InputEdges.WatchAsync(Input("mains"), TimeSpan.Zero, _clock, _stop.Token).GetAsyncEnumerator();
        var next = edges.MoveNextAsync().AsTask();
        await WaitForCallbackAsync(Mains);

        _driver.SetInput(Mains, PinValue.High);

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(new InputChange("mains", PinRole.Mains, false, _clock.GetUtcNow()), edges.Current);
    }

    [Fact]
    public async Task Stopping_The_Stream_Unregisters_Its_Callback()
    {
        var enumerator = InputEdges.WatchAsync(Input("door"), Debounce, _clock, _stop.Token).GetAsyncEnumerator();
        var next = enumerator.MoveNextAsync().AsTask();
        await WaitForCallbackAsync(Door);

        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        await enumerator.DisposeAsync();

        Assert.Equal(0, _driver.CallbackCount(Door));
    }

    private async Task WaitForCallbackAsync(int line)
    {
        for (var i = 0; i < 5000 && _driver.CallbackCount(line) == 0; i++)
        {
            await Task.Delay(1);
        }

        Assert.Equal(1, _driver.CallbackCount(line));
    }

    private async Task WaitForNoTimersAsync()
    {
        for (var i = 0; i < 200 && _clock.PendingTimers > 0; i++)
        {
            await Task.Delay(1);
        }

        // Give the stream a moment to read the level and go back to waiting for an edge.
        await Task.Delay(20);
    }
}
