namespace ClassroomFleet.Snmp;

/// <summary>A failed SNMP operation; <see cref="Kind"/> says why.</summary>
public sealed class SnmpException : Exception
{
    public SnmpException()
        : this("SNMP operation failed.")
    {
    }

    public SnmpException(string message)
        : this(message, innerException: null)
    {
    }

    public SnmpException(string message, Exception? innerException)
        : base(message, innerException) => Kind = SnmpErrorKind.Transport;

    public SnmpException(SnmpErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public SnmpException(ErrorStatus errorStatus, int errorIndex, string message)
        : base(message)
    {
        Kind = SnmpErrorKind.ErrorStatus;
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
    }

    public SnmpErrorKind Kind { get; }

    /// <summary>The agent's error-status when <see cref="Kind"/> is <see cref="SnmpErrorKind.ErrorStatus"/>.</summary>
    public ErrorStatus ErrorStatus { get; }

    /// <summary>The 1-based index of the variable the error refers to (0 = none), per RFC 3416 §3.</summary>
    public int ErrorIndex { get; }
}
