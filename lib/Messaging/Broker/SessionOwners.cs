using System.Collections.Concurrent;
using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// Which user owns each session (client id) of the embedded broker: the first user to connect with a client id owns
/// its session until the session is deleted. A connection with that client id by another user would take the session
/// over (its subscriptions and queued messages), so it is refused. Deliveries are authorised against the owner.
/// </summary>
internal sealed class SessionOwners
{
    private readonly ConcurrentDictionary<string, BrokerPrincipal> _owners = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="clientId"/> for <paramref name="principal"/>; false when another user owns it.</summary>
    public bool TryClaim(string clientId, BrokerPrincipal principal)
    {
        var owner = _owners.GetOrAdd(clientId, principal);
        if (owner.UserName != principal.UserName)
        {
            return false;
        }

        _owners[clientId] = principal;
        return true;
    }

    public BrokerPrincipal? OwnerOf(string clientId) => _owners.TryGetValue(clientId, out var owner) ? owner : null;

    public void Release(string clientId) => _owners.TryRemove(clientId, out _);
}
