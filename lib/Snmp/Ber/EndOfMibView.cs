using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>endOfMibView (RFC 3416 §3): nothing follows in the agent's MIB view; a walk ends here.</summary>
public sealed record EndOfMibView : SnmpValue
{
    private EndOfMibView()
    {
    }

    public static EndOfMibView Instance { get; } = new();

    public override SnmpType Type => SnmpType.EndOfMibView;

    public override bool IsException => true;

    public override string? AsText() => null;

    internal override void Encode(ref BerWriter writer) => writer.WriteNull(BerTag.EndOfMibView);
}
