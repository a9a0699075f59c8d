namespace ClassroomFleet.Snmp;

/// <summary>The SNMP data types a variable binding can carry; the numeric value is the BER identifier octet.</summary>
#pragma warning disable CA1028 // The underlying type is byte because the values are BER identifier octets.
public enum SnmpType : byte
#pragma warning restore CA1028
{
    Integer32 = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    Counter64 = 0x46,
    NoSuchObject = 0x80,
    NoSuchInstance = 0x81,
    EndOfMibView = 0x82,
}
