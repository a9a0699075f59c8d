using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>NULL: the placeholder value in requests (RFC 3416 §4.2.1).</summary>
public sealed record NullValue : SnmpValue
{
    private NullValue()
    {
    }

    public static NullValue Instance { get; } = new();

    public override SnmpType Type => SnmpType.Null;

    public override string? AsText() => null;

    internal override void Encode(ref BerWriter writer) => writer.WriteNull();
}
