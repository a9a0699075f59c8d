using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>Counter64 (RFC 2578 §7.1.10); SNMPv2c and v3 only.</summary>
public sealed record Counter64(ulong Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.Counter64;

    public override bool TryGetUInt64(out ulong value)
    {
        value = Value;
        return true;
    }

    public override string AsText() => Invariant(Value);

    internal override void Encode(ref BerWriter writer) => writer.WriteUnsigned(Value, BerTag.Counter64);
}
