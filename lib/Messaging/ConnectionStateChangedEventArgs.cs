using ClassroomFleet.Messaging.Connecting;

namespace ClassroomFleet.Messaging;

/// <summary>
/// Raised by <see cref="IMqttTransport.ConnectionStateChanged"/> after each connect, each loss of connection and each
/// failed attempt. <see cref="SessionPresent"/> tells whether the broker still had our session (queued messages will
/// follow). <see cref="Reason"/> is the disconnect reason or the failed attempt's description; a failed attempt also
/// carries its typed <see cref="Failure"/> and, when the broker answered, the CONNACK <see cref="ReasonCode"/>.
/// </summary>
public sealed class ConnectionStateChangedEventArgs(bool isConnected, bool sessionPresent, string? reason) : EventArgs
{
    public ConnectionStateChangedEventArgs(ConnectOutcome failedAttempt)
        : this(false, false, failedAttempt.Detail)
    {
        Failure = failedAttempt.Failure;
        ReasonCode = failedAttempt.ReasonCode;
    }

    public bool IsConnected { get; } = isConnected;

    public bool SessionPresent { get; } = sessionPresent;

    public string? Reason { get; } = reason;

    public ConnectFailure Failure { get; }

    /// <summary>The CONNACK reason code of a refused attempt, in MQTT 5.0 numbering (3.1.1's 4 is reported as 134...).</summary>
    public int? ReasonCode { get; }
}
