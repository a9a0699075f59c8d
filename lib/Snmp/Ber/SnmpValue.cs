using System.Globalization;

namespace ClassroomFleet.Snmp;

/// <summary>The value of a variable binding: one concrete record per SNMP data type (RFC 2578 §7.1, RFC 3416 §3).</summary>
public abstract record SnmpValue
{
    private protected SnmpValue()
    {
    }

    public abstract SnmpType Type { get; }

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView (RFC 3416 §4.2.1): the agent had no value.</summary>
    public virtual bool IsException => false;

    /// <summary>The value as an unsigned number: Counter32, Gauge32, TimeTicks, Counter64, or an Integer32 that is not negative.</summary>
    public virtual bool TryGetUInt64(out ulong value)
    {
        value = 0;
        return false;
    }

    /// <summary>A readable rendering: text for printable OCTET STRINGs (hex otherwise), numbers in invariant culture; null when there is no value.</summary>
    public abstract string? AsText();

    internal abstract void Encode(ref Ber.BerWriter writer);

    private protected static string Invariant(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
