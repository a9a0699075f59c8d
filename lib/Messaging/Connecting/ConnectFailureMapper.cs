using System.Security.Authentication;
using MQTTnet;

namespace ClassroomFleet.Messaging.Connecting;

/// <summary>Turns a refused CONNACK or a connect exception into a <see cref="ConnectOutcome"/>.</summary>
internal static class ConnectFailureMapper
{
    public static ConnectOutcome FromResult(MqttClientConnectResult result)
    {
        var failure = result.ResultCode switch
        {
            MqttClientConnectResultCode.UnsupportedProtocolVersion => ConnectFailure.UnsupportedProtocolVersion,
            MqttClientConnectResultCode.ClientIdentifierNotValid => ConnectFailure.ClientIdentifierNotValid,
            MqttClientConnectResultCode.BadUserNameOrPassword => ConnectFailure.BadUserNameOrPassword,
            MqttClientConnectResultCode.NotAuthorized => ConnectFailure.NotAuthorized,
            MqttClientConnectResultCode.ServerUnavailable => ConnectFailure.ServerUnavailable,
            MqttClientConnectResultCode.ServerBusy => ConnectFailure.ServerBusy,
            MqttClientConnectResultCode.Banned => ConnectFailure.Banned,
            MqttClientConnectResultCode.QuotaExceeded => ConnectFailure.QuotaExceeded,
            MqttClientConnectResultCode.ConnectionRateExceeded => ConnectFailure.ConnectionRateExceeded,
            MqttClientConnectResultCode.UseAnotherServer or MqttClientConnectResultCode.ServerMoved => ConnectFailure.ServerMoved,
            _ => ConnectFailure.OtherRefusal,
        };
        var code = (int)result.ResultCode;
        return new ConnectOutcome(failure, code, $"{result.ResultCode} ({code}) {result.ReasonString}".TrimEnd());
    }

    public static ConnectOutcome FromException(Exception exception)
    {
        var detail = exception.InnerException is null
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message} ({exception.InnerException.Message})";
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is AuthenticationException)
            {
                return new ConnectOutcome(ConnectFailure.Tls, null, detail);
            }
        }

        return new ConnectOutcome(ConnectFailure.Network, null, detail);
    }
}
