namespace ClassroomFleet.Snmp;

/// <summary>Why an SNMP operation failed.</summary>
public enum SnmpErrorKind
{
    /// <summary>No valid answer within the timeout and retries, or the per-device budget ran out.</summary>
    Timeout,

    /// <summary>The agent answered with a non-zero error-status (see <see cref="SnmpException.ErrorStatus"/>).</summary>
    ErrorStatus,

    /// <summary>The answer could not be decoded.</summary>
    Decode,

    /// <summary>SNMPv3: wrong credentials, unknown user, digest mismatch or unsupported security level.</summary>
    Authentication,

    /// <summary>SNMPv3: the answer could not be decrypted.</summary>
    Decryption,

    /// <summary>SNMPv3: the agent reported a problem through a Report PDU (e.g. unknown engine ID, not in time window).</summary>
    Report,

    /// <summary>A walk received an OID that does not increase; the agent is broken and the walk stopped.</summary>
    NonIncreasingOid,

    /// <summary>The request does not fit: too many variables, or a value the chosen version cannot carry.</summary>
    InvalidRequest,

    /// <summary>The socket failed.</summary>
    Transport,
}
