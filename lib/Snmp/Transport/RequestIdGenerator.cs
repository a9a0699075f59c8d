namespace ClassroomFleet.Snmp.Transport;

/// <summary>Hands out positive request-ids (and v3 msgIDs), starting at a random point so a restarted client does not reuse recent ones.</summary>
internal sealed class RequestIdGenerator
{
    private int _last = Random.Shared.Next(1, int.MaxValue / 2);

    public int Next()
    {
        while (true)
        {
            var id = Interlocked.Increment(ref _last) & int.MaxValue;
            if (id != 0)
            {
                return id;
            }
        }
    }
}
