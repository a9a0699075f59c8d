namespace ClassroomFleet.Messaging.Broker;

/// <summary>Running totals of the embedded broker's refusals and denials, safe to read from any thread.</summary>
public sealed class EmbeddedBrokerCounters
{
    private readonly long[] _refused = new long[Enum.GetValues<ConnectionRefusal>().Length];
    private long _deniedPublishes;
    private long _oversizedPublishes;
    private long _deniedDeliveries;
    private long _subscriptionsBeyondRights;
    private long _passwordReloads;
    private long _passwordReloadFailures;
    private long _revokedConnections;

    public long RefusedConnections => _refused.Sum(c => Interlocked.Read(ref c));

    public long RefusedConnectionsOf(ConnectionRefusal refusal) => Interlocked.Read(ref _refused[(int)refusal]);

    /// <summary>PUBLISH (or a will) to a topic the sender may not write: PUBACK 135, not forwarded.</summary>
    public long DeniedPublishes => Interlocked.Read(ref _deniedPublishes);

    /// <summary>PUBLISH larger than <see cref="EmbeddedBrokerOptions.MessageSizeLimit"/>: PUBACK 149, not forwarded.</summary>
    public long OversizedPublishes => Interlocked.Read(ref _oversizedPublishes);

    /// <summary>Messages not queued for a subscriber whose user may not read their topic (checked on every delivery).</summary>
    public long DeniedDeliveries => Interlocked.Read(ref _deniedDeliveries);

    /// <summary>Subscriptions granted to a school or role-less user whose filter reaches beyond what it may read.</summary>
    public long SubscriptionsBeyondRights => Interlocked.Read(ref _subscriptionsBeyondRights);

    public long PasswordFileReloads => Interlocked.Read(ref _passwordReloads);

    /// <summary>A changed password file that could not be read; the previous users stay in force.</summary>
    public long PasswordFileReloadFailures => Interlocked.Read(ref _passwordReloadFailures);

    /// <summary>Connected clients disconnected by a reload because their user was removed or its password changed.</summary>
    public long RevokedConnections => Interlocked.Read(ref _revokedConnections);

    internal void Refused(ConnectionRefusal refusal) => Interlocked.Increment(ref _refused[(int)refusal]);

    internal void PublishDenied() => Interlocked.Increment(ref _deniedPublishes);

    internal void PublishOversized() => Interlocked.Increment(ref _oversizedPublishes);

    internal void DeliveryDenied() => Interlocked.Increment(ref _deniedDeliveries);

    internal void SubscriptionBeyondRights() => Interlocked.Increment(ref _subscriptionsBeyondRights);

    internal void PasswordFileReloaded() => Interlocked.Increment(ref _passwordReloads);

    internal void PasswordFileReloadFailed() => Interlocked.Increment(ref _passwordReloadFailures);

    internal void ConnectionRevoked() => Interlocked.Increment(ref _revokedConnections);
}
