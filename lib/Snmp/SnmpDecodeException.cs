namespace ClassroomFleet.Snmp;

/// <summary>A datagram that is not well-formed SNMP: bad BER, a length out of bounds, an unknown type or version.</summary>
public sealed class SnmpDecodeException : Exception
{
    public SnmpDecodeException()
        : this("Malformed SNMP message.")
    {
    }

    public SnmpDecodeException(string message)
        : base(message)
    {
    }

    public SnmpDecodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
