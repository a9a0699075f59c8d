using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>TimeTicks (RFC 2578 §7.1.8): hundredths of a second.</summary>
public sealed record TimeTicks(uint Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.TimeTicks;

    public override bool TryGetUInt64(out ulong value)
    {
        value = Value;
        return true;
    }

    public TimeSpan AsTimeSpan() => TimeSpan.FromMilliseconds(Value * 10.0);

    public override string AsText() => Invariant(Value);

    internal override void Encode(ref BerWriter writer) => writer.WriteUnsigned(Value, BerTag.TimeTicks);
}
