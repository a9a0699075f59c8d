using System.Globalization;
using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>INTEGER / Integer32 (RFC 2578 §7.1.1).</summary>
public sealed record Integer32(int Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.Integer32;

    public override bool TryGetUInt64(out ulong value)
    {
        value = Value >= 0 ? (ulong)Value : 0;
        return Value >= 0;
    }

    public override string AsText() => Value.ToString(CultureInfo.InvariantCulture);

    internal override void Encode(ref BerWriter writer) => writer.WriteInteger(Value);
}
