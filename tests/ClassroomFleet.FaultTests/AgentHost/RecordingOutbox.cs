using System.Globalization;
using System.Text.Json;
using ClassroomFleet.Agent.Outbox;

namespace ClassroomFleet.FaultTests.AgentHost;

/// <summary>
/// Tells the test, on standard output, the fate of every synthetic point the moment its append completed:
/// <c>APPEND n S seq</c> (stored: collected) or <c>APPEND n D reason</c> (dropped). A pipe keeps what was written
/// even when the process is killed right after, so the test's ledger is exact.
/// </summary>
internal sealed class RecordingOutbox(IOutbox inner) : IOutbox
{
    private static readonly Lock Output = new();

    public async ValueTask<AppendResult> AppendAsync(OutboxAppend append, CancellationToken cancellationToken = default)
    {
        var result = await inner.AppendAsync(append, cancellationToken).ConfigureAwait(false);
        if (SyntheticN(append.Points) is { } n)
        {
            var line = result.Stored
                ? string.Create(CultureInfo.InvariantCulture, $"APPEND {n} S {result.Sequence}")
                : string.Create(CultureInfo.InvariantCulture, $"APPEND {n} D {DropReasonNames.Of(result.Reason)}");
            lock (Output)
            {
                Console.Out.WriteLine(line);
                Console.Out.Flush();
            }
        }

        return result;
    }

    public Task OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

    public ValueTask<IReadOnlyList<OutboxRecord>> TakeReadyAsync(int max, CancellationToken cancellationToken = default) => inner.TakeReadyAsync(max, cancellationToken);

    public Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken = default) => inner.WaitReadyAsync(limit, cancellationToken);

    public int Acknowledge(IReadOnlyList<long> stored) => inner.Acknowledge(stored);

    public int Reject(IReadOnlyList<long> rejected) => inner.Reject(rejected);

    public void Release(long sequence) => inner.Release(sequence);

    public OutboxStats GetStats() => inner.GetStats();

    public Task CloseAsync(CancellationToken cancellationToken = default) => inner.CloseAsync(cancellationToken);

    private static long? SyntheticN(ReadOnlyMemory<byte> points)
    {
        using var document = JsonDocument.Parse(points);
        foreach (var point in document.RootElement.EnumerateArray())
        {
            if (point.GetProperty("measurement").GetString() == "synthetic")
            {
                return point.GetProperty("int").GetProperty("n").GetInt64();
            }
        }

        return null;
    }
}
