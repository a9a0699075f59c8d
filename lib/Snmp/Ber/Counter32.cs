using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>Counter32 (RFC 2578 §7.1.6): wraps at 2^32.</summary>
public sealed record Counter32(uint Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.Counter32;

    public override bool TryGetUInt64(out ulong value)
    {
        value = Value;
        return true;
    }

    public override string AsText() => Invariant(Value);

    internal override void Encode(ref BerWriter writer) => writer.WriteUnsigned(Value, BerTag.Counter32);
}
