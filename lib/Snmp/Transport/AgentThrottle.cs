using System.Collections.Concurrent;
using System.Net;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>Limits the requests in flight to each agent; waiting for a slot counts against the operation's budget.</summary>
internal sealed class AgentThrottle
{
    private readonly ConcurrentDictionary<IPEndPoint, SemaphoreSlim> _slots = new();
    private readonly int _perAgent;

    public AgentThrottle(int perAgent) => _perAgent = perAgent;

    public async Task<T> RunAsync<T>(SnmpTarget target, OperationDeadline deadline, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        var slots = _slots.GetOrAdd(target.Endpoint, _ => new SemaphoreSlim(_perAgent, _perAgent));
        var wait = deadline.IsBounded ? deadline.Clip(TimeSpan.MaxValue) : Timeout.InfiniteTimeSpan;
        if (deadline.IsSpent || !await slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            throw new SnmpException(SnmpErrorKind.Timeout, $"No answer from {target}: the device budget ran out before a request slot was free.");
        }

        try
        {
            return await send().ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
