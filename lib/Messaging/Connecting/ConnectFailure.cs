namespace ClassroomFleet.Messaging.Connecting;

/// <summary>
/// Why a connection attempt failed: a refusal by the broker in CONNACK (MQTT 5.0 §3.2.2.2 reason codes; MQTTnet maps
/// the 3.1.1 return codes 1–5 of §3.2.2.3 onto the same names), or no CONNACK at all (network, TLS).
/// </summary>
public enum ConnectFailure
{
    None,

    /// <summary>No CONNACK: name resolution, TCP refused or reset, timeout.</summary>
    Network,

    /// <summary>The TLS handshake failed: an untrusted or mismatched certificate, a refused client certificate.</summary>
    Tls,

    /// <summary>132 (3.1.1: 1).</summary>
    UnsupportedProtocolVersion,

    /// <summary>133 (3.1.1: 2): the broker does not accept this client id.</summary>
    ClientIdentifierNotValid,

    /// <summary>134 (3.1.1: 4).</summary>
    BadUserNameOrPassword,

    /// <summary>135 (3.1.1: 5). mosquitto 2.0 answers a wrong password and a refused anonymous client with this code.</summary>
    NotAuthorized,

    /// <summary>136 (3.1.1: 3).</summary>
    ServerUnavailable,

    /// <summary>137.</summary>
    ServerBusy,

    /// <summary>138.</summary>
    Banned,

    /// <summary>151.</summary>
    QuotaExceeded,

    /// <summary>159.</summary>
    ConnectionRateExceeded,

    /// <summary>156 or 157: the broker sends the client elsewhere.</summary>
    ServerMoved,

    /// <summary>Any other CONNACK failure code (128 unspecified, 130 protocol error, 149 packet too large...).</summary>
    OtherRefusal,
}
