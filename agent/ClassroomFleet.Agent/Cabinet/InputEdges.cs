using System.Device.Gpio;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The debounced changes of one input as an async stream. Every edge the driver reports wakes the stream; it then waits
/// for the debounce time, swallows the edges that came meanwhile (contact bounce) and reads the settled level, which
/// is yielded only if it differs from the last one yielded. A pulse shorter than the debounce time yields nothing; no
/// settled change is lost, because an edge after the read wakes the stream again.
/// </summary>
public static class InputEdges
{
    public static async IAsyncEnumerable<InputChange> WatchAsync(
        CabinetInput input,
        TimeSpan debounce,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnEdge(object sender, PinValueChangedEventArgs e) => wake.Writer.TryWrite(true);

        input.Controller.RegisterCallbackForPinValueChangedEvent(input.Line, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        try
        {
            var last = input.ReadActive();
            while (true)
            {
                await wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (debounce > TimeSpan.Zero)
                {
                    await Task.Delay(debounce, time, cancellationToken).ConfigureAwait(false);
                }

                wake.Reader.TryRead(out _);
                var now = input.ReadActive();
                if (now != last)
                {
                    last = now;
                    yield return new InputChange(input.Name, input.Role, now, time.GetUtcNow());
                }
            }
        }
        finally
        {
            input.Controller.UnregisterCallbackForPinValueChangedEvent(input.Line, OnEdge);
        }
    }
}
