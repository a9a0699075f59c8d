namespace ClassroomFleet.Snmp;

/// <summary>A variable binding: an object instance and its value (RFC 3416 §3, VarBind).</summary>
public readonly record struct Variable(Oid Oid, SnmpValue Value)
{
    /// <summary>A binding for a request: the OID with a NULL value.</summary>
    public static Variable ForRequest(Oid oid) => new(oid, NullValue.Instance);

    public override string ToString() => $"{Oid} = {Value.Type}: {Value.AsText()}";
}
