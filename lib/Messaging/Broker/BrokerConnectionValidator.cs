using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// CONNECT checks of the embedded broker: the password (or anonymous, when allowed), then the client id. A school's
/// client id must contain its school code, and a client id whose session belongs to another user is refused, so that
/// no one can take over another client's session (mosquitto: <c>use_username_as_clientid</c> on the schools' listener).
/// </summary>
internal sealed class BrokerConnectionValidator(
    EmbeddedBrokerOptions options,
    Func<MosquittoPasswordFile?> passwords,
    SessionOwners owners,
    EmbeddedBrokerCounters counters,
    ILogger logger)
{
    public BrokerPrincipal PrincipalOf(string? userName) =>
        string.IsNullOrEmpty(userName)
            ? new BrokerPrincipal("", options.AllowAnonymous ? BrokerRole.Fleet : BrokerRole.None, null)
            : BrokerPrincipal.For(userName, options.Roles);

    public Task ValidateAsync(ValidatingConnectionEventArgs args)
    {
        if (Refusal(args) is { } refusal)
        {
            counters.Refused(refusal);
            logger.ConnectionRefused(args.ClientId, args.UserName, refusal);
            // mosquitto 2.0 answers bad credentials with 135 (3.1.1: 5); MQTTnet maps 5.0 codes to 3.1.1 return codes.
            args.ReasonCode = refusal is ConnectionRefusal.AnonymousNotAllowed or ConnectionRefusal.BadCredentials
                ? MqttConnectReasonCode.NotAuthorized
                : MqttConnectReasonCode.ClientIdentifierNotValid;
        }

        return Task.CompletedTask;
    }

    private ConnectionRefusal? Refusal(ValidatingConnectionEventArgs args)
    {
        if (string.IsNullOrEmpty(args.UserName))
        {
            if (!options.AllowAnonymous)
            {
                return ConnectionRefusal.AnonymousNotAllowed;
            }
        }
        else if (passwords()?.Verify(args.UserName, args.Password) != true)
        {
            return ConnectionRefusal.BadCredentials;
        }

        var principal = PrincipalOf(args.UserName);
        if (principal.SchoolCode is { } code && !args.ClientId.Contains(code, StringComparison.Ordinal))
        {
            return ConnectionRefusal.ClientIdNotAllowed;
        }

        if (!string.IsNullOrEmpty(args.ClientId) && !owners.TryClaim(args.ClientId, principal))
        {
            return ConnectionRefusal.SessionOwnedByAnotherUser;
        }

        return null;
    }
}
