using System.Text;
using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp;

/// <summary>OCTET STRING (RFC 2578 §7.1.2): DisplayString, MAC addresses, arbitrary bytes. Equality compares the bytes.</summary>
public sealed record OctetString(ReadOnlyMemory<byte> Value) : SnmpValue
{
    private const string HexDigits = "0123456789ABCDEF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public OctetString(string text)
        : this(Encoding.UTF8.GetBytes(text))
    {
    }

    public override SnmpType Type => SnmpType.OctetString;

    /// <summary>UTF-8 text when the bytes are valid UTF-8 without control characters (tab, CR, LF allowed; one trailing NUL ignored); otherwise hex ("00 11 22").</summary>
    public override string AsText() => TryGetText(out var text) ? text : ToHex();

    public bool TryGetText(out string text)
    {
        var bytes = Value.Span;
        if (bytes is [.., 0])
        {
            bytes = bytes[..^1];
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
            {
                text = string.Empty;
                return false;
            }
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Upper-case hex octets separated by spaces, e.g. "00 11 22 AA".</summary>
    public string ToHex()
    {
        var bytes = Value.Span;
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        var builder = new StringBuilder((bytes.Length * 3) - 1);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(HexDigits[bytes[i] >> 4]).Append(HexDigits[bytes[i] & 0xF]);
        }

        return builder.ToString();
    }

    public bool Equals(OctetString? other) => other is not null && Value.Span.SequenceEqual(other.Value.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    internal override void Encode(ref BerWriter writer) => writer.WriteOctetString(Value.Span);
}
