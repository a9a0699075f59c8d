namespace ClassroomFleet.Testing;

/// <summary>Waits for a condition another thread makes true (a counter the fleet bumps after InfluxDB answered, say).</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms; cancelled by <paramref name="cancellationToken"/> or after <paramref name="patience"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(patience);
        while (!condition())
        {
            await Task.Delay(50, budget.Token).ConfigureAwait(false);
        }
    }
}
