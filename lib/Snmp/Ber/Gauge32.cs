using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>Gauge32 / Unsigned32 (RFC 2578 §7.1.7, §7.1.11).</summary>
public sealed record Gauge32(uint Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.Gauge32;

    public override bool TryGetUInt64(out ulong value)
    {
        value = Value;
        return true;
    }

    public override string AsText() => Invariant(Value);

    internal override void Encode(ref BerWriter writer) => writer.WriteUnsigned(Value, BerTag.Gauge32);
}
