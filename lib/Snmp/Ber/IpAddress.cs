using System.Net;
using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>IpAddress (RFC 2578 §7.1.5): four octets in network order, held as a big-endian number.</summary>
public sealed record IpAddress(uint Value) : SnmpValue
{
    public IpAddress(IPAddress address)
        : this(FromAddress(address))
    {
    }

    public override SnmpType Type => SnmpType.IpAddress;

    public IPAddress ToIPAddress() => new([(byte)(Value >> 24), (byte)(Value >> 16), (byte)(Value >> 8), (byte)Value]);

    public override string AsText() => ToIPAddress().ToString();

    internal override void Encode(ref BerWriter writer)
    {
        Span<byte> bytes = [(byte)(Value >> 24), (byte)(Value >> 16), (byte)(Value >> 8), (byte)Value];
        writer.WriteOctetString(bytes, BerTag.IpAddress);
    }

    private static uint FromAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.TryWriteBytes(bytes, out _)
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : throw new ArgumentException("IpAddress holds IPv4 addresses only (RFC 2578 §7.1.5).", nameof(address));
    }
}
