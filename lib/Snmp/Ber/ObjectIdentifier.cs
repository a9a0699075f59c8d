using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>OBJECT IDENTIFIER as a value (RFC 2578 §7.1.3), e.g. sysObjectID.</summary>
public sealed record ObjectIdentifier(Oid Value) : SnmpValue
{
    public override SnmpType Type => SnmpType.ObjectIdentifier;

    public override string AsText() => Value.ToString();

    internal override void Encode(ref BerWriter writer) => writer.WriteOid(Value);
}
