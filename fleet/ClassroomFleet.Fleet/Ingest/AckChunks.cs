using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Splits the batches of one agent that came due together (a backlog after an outage can hold thousands) into the
/// stored and rejected lists of acknowledgements naming at most <c>max</c> batches each, so that every message stays
/// far below the transport's packet limit. Every batch is named exactly once, in the order given.
/// </summary>
public static class AckChunks
{
    public static IEnumerable<(List<long> Stored, List<RejectedBatch> Rejected)> Split(List<long> stored, List<RejectedBatch> rejected, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (stored.Count + rejected.Count <= max)
        {
            yield return (stored, rejected);
            yield break;
        }

        var (storedAt, rejectedAt) = (0, 0);
        while (storedAt < stored.Count || rejectedAt < rejected.Count)
        {
            var storedPart = stored.GetRange(storedAt, Math.Min(max, stored.Count - storedAt));
            var rejectedPart = rejected.GetRange(rejectedAt, Math.Min(max - storedPart.Count, rejected.Count - rejectedAt));
            (storedAt, rejectedAt) = (storedAt + storedPart.Count, rejectedAt + rejectedPart.Count);
            yield return (storedPart, rejectedPart);
        }
    }
}
