namespace ClassroomFleet.Messaging;

/// <summary>
/// Raised by <see cref="IMqttTransport.ConnectionStateChanged"/> after each connect and each loss of connection.
/// <see cref="SessionPresent"/> tells whether the broker still had our session (queued messages will follow).
/// <see cref="Reason"/> is the disconnect reason or the failed connect's reason code name.
/// </summary>
public sealed class ConnectionStateChangedEventArgs(bool isConnected, bool sessionPresent, string? reason) : EventArgs
{
    public bool IsConnected { get; } = isConnected;

    public bool SessionPresent { get; } = sessionPresent;

    public string? Reason { get; } = reason;
}
