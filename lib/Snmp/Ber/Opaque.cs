using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>Opaque (RFC 2578 §7.1.9): BER-wrapped arbitrary data, kept as raw bytes. Equality compares the bytes.</summary>
public sealed record Opaque(ReadOnlyMemory<byte> Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.Opaque;

    public override string AsText() => Convert.ToHexString(Value.Span);

    public bool Equals(Opaque? other) => other is not null && Value.Span.SequenceEqual(other.Value.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    internal override void Encode(ref BerWriter writer) => writer.WriteOctetString(Value.Span, BerTag.Opaque);
}
