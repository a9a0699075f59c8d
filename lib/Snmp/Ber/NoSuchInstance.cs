using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>noSuchInstance (RFC 3416 §3): the object exists but not this instance.</summary>
public sealed record NoSuchInstance : SnmpValue
{
    private NoSuchInstance()
    {
    }

    public static NoSuchInstance Instance { get; } = new();

    public override SnmpType Type => SnmpType.NoSuchInstance;

    public override bool IsException => true;

    public override string? AsText() => null;

    internal override void Encode(ref BerWriter writer) => writer.WriteNull(BerTag.NoSuchInstance);
}
