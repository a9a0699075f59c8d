using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>noSuchObject (RFC 3416 §3): the agent implements no such object.</summary>
public sealed record NoSuchObject : SnmpValue
{
    private NoSuchObject()
    {
    }

    public static NoSuchObject Instance { get; } = new();

    public override SnmpType Type => SnmpType.NoSuchObject;

    public override bool IsException => true;

    public override string? AsText() => null;

    internal override void Encode(ref BerWriter writer) => writer.WriteNull(BerTag.NoSuchObject);
}
