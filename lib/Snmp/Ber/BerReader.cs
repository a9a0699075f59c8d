using System.Buffers.Binary;

namespace ClassroomFleet.Snmp.Ber;

/// <summary>
/// Reads definite-length BER (X.690 §8.1) from a span. Every length is checked against the bytes that remain before
/// anything is read or allocated; any violation throws <see cref="SnmpDecodeException"/>.
/// </summary>
internal ref struct BerReader
{
    // Four length octets already allow 4 GiB; no UDP datagram comes near that.
    private const int MaxLengthOctets = 4;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private BerReader(ReadOnlySpan<byte> data, int origin)
    {
        _data = data;
        _origin = origin;
        _position = 0;
    }

    /// <summary>Offset of the next byte from the start of the outermost reader's data.</summary>
    public readonly int AbsolutePosition => _origin + _position;

    public readonly bool HasMore => _position < _data.Length;

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly byte PeekTag() =>
        _position < _data.Length ? _data[_position] : throw new SnmpDecodeException($"Expected a tag at offset {_position} but the data ended.");

    /// <summary>Reads one TLV with the expected identifier and returns its contents.</summary>
    public ReadOnlySpan<byte> ReadTlv(byte expectedTag)
    {
        var tag = PeekTag();
        if (tag != expectedTag)
        {
            throw new SnmpDecodeException($"Expected tag 0x{expectedTag:X2} at offset {_position}, found 0x{tag:X2}.");
        }

        return ReadAnyTlv(out _);
    }

    /// <summary>Reads one TLV of any single-octet identifier and returns its contents.</summary>
    public ReadOnlySpan<byte> ReadAnyTlv(out byte tag)
    {
        tag = PeekTag();
        if ((tag & 0x1F) == 0x1F)
        {
            // X.690 §8.1.2.4: high tag numbers; SNMP never uses them.
            throw new SnmpDecodeException($"Multi-octet tag at offset {_position} is not used by SNMP.");
        }

        _position++;
        var length = ReadLength();
        var contents = _data.Slice(_position, length);
        _position += length;
        return contents;
    }

    public BerReader ReadSequence(byte tag = BerTag.Sequence)
    {
        var contents = ReadTlv(tag);
        return new BerReader(contents, _origin + _position - contents.Length);
    }

    /// <summary>Reads one TLV and says where its contents start, counted from the outermost reader's first byte.</summary>
    public ReadOnlySpan<byte> ReadTlv(byte expectedTag, out int absoluteContentOffset)
    {
        var contents = ReadTlv(expectedTag);
        absoluteContentOffset = _origin + _position - contents.Length;
        return contents;
    }

    public int ReadInt32() => DecodeInt32(ReadTlv(BerTag.Integer));

    public ReadOnlySpan<byte> ReadOctetString() => ReadTlv(BerTag.OctetString);

    public Oid ReadOid() => DecodeOid(ReadTlv(BerTag.ObjectIdentifier));

    private int ReadLength()
    {
        if (_position >= _data.Length)
        {
            throw new SnmpDecodeException($"Expected a length at offset {_position} but the data ended.");
        }

        int first = _data[_position++];
        long length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            // X.690 §8.1.3.6: the indefinite form is not allowed in SNMP (RFC 3417 §8, definite lengths only).
            throw new SnmpDecodeException($"Indefinite length at offset {_position - 1} is not allowed.");
        }
        else
        {
            var octets = first & 0x7F;
            if (octets > MaxLengthOctets || octets > _data.Length - _position)
            {
                throw new SnmpDecodeException($"Length at offset {_position - 1} has {octets} octets; at most {MaxLengthOctets} fit the data.");
            }

            length = 0;
            for (var i = 0; i < octets; i++)
            {
                length = (length << 8) | _data[_position++];
            }
        }

        if (length > _data.Length - _position)
        {
            throw new SnmpDecodeException($"Length {length} at offset {_position} exceeds the {_data.Length - _position} bytes that remain.");
        }

        return (int)length;
    }

    /// <summary>X.690 §8.3: two's complement, big-endian; accepts up to one redundant leading octet.</summary>
    public static int DecodeInt32(ReadOnlySpan<byte> contents)
    {
        var value = DecodeSigned(contents, 5);
        return value is < int.MinValue or > int.MaxValue
            ? throw new SnmpDecodeException($"INTEGER value {value} is outside the Integer32 range.")
            : (int)value;
    }

    /// <summary>
    /// Unsigned application types (RFC 2578 §7.1.6-8, §7.1.10). Agents that forget the leading zero octet send the value
    /// as if it were negative; those octets are taken as the unsigned magnitude, as net-snmp does.
    /// </summary>
    public static ulong DecodeUnsigned(ReadOnlySpan<byte> contents, int maxBytes)
    {
        if (contents.IsEmpty)
        {
            throw new SnmpDecodeException("An unsigned integer has no content octets.");
        }

        if (contents.Length > maxBytes + 1 || (contents.Length == maxBytes + 1 && contents[0] != 0))
        {
            throw new SnmpDecodeException($"An unsigned integer of {contents.Length} octets exceeds {maxBytes * 8} bits.");
        }

        ulong value = 0;
        foreach (var b in contents)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static long DecodeSigned(ReadOnlySpan<byte> contents, int maxBytes)
    {
        if (contents.IsEmpty)
        {
            throw new SnmpDecodeException("An INTEGER has no content octets.");
        }

        if (contents.Length > maxBytes)
        {
            throw new SnmpDecodeException($"An INTEGER of {contents.Length} octets is too long.");
        }

        long value = (sbyte)contents[0];
        for (var i = 1; i < contents.Length; i++)
        {
            value = (value << 8) | contents[i];
        }

        return value;
    }

    /// <summary>X.690 §8.19: base-128 sub-identifiers, the first octet group holding the first two arcs as X*40+Y.</summary>
    public static Oid DecodeOid(ReadOnlySpan<byte> contents)
    {
        if (contents.IsEmpty)
        {
            throw new SnmpDecodeException("An OBJECT IDENTIFIER has no content octets.");
        }

        if ((contents[^1] & 0x80) != 0)
        {
            throw new SnmpDecodeException("An OBJECT IDENTIFIER ends inside a sub-identifier.");
        }

        var encoded = 0;
        foreach (var b in contents)
        {
            if ((b & 0x80) == 0)
            {
                encoded++;
            }
        }

        var count = encoded + 1;
        if (count > Oid.MaxLength)
        {
            throw new SnmpDecodeException($"An OBJECT IDENTIFIER has {count} sub-identifiers; at most {Oid.MaxLength} are allowed (RFC 2578 §3.5).");
        }

        var ids = new uint[count];
        var index = 0;
        ulong current = 0;
        var startOfSubId = true;
        foreach (var b in contents)
        {
            if (startOfSubId && b == 0x80)
            {
                throw new SnmpDecodeException("An OBJECT IDENTIFIER sub-identifier has a redundant leading octet (X.690 §8.19.2).");
            }

            current = (current << 7) | (uint)(b & 0x7F);
            if (current > uint.MaxValue)
            {
                throw new SnmpDecodeException("An OBJECT IDENTIFIER sub-identifier exceeds 2^32-1 (RFC 2578 §3.5).");
            }

            startOfSubId = (b & 0x80) == 0;
            if (!startOfSubId)
            {
                continue;
            }

            if (index == 0)
            {
                var (first, second) = current switch
                {
                    < 40 => (0u, (uint)current),
                    < 80 => (1u, (uint)current - 40),
                    _ => (2u, (uint)(current - 80)),
                };
                ids[0] = first;
                ids[1] = second;
                index = 2;
            }
            else
            {
                ids[index++] = (uint)current;
            }

            current = 0;
        }

        return Oid.FromOwnedArray(ids);
    }

    public static uint DecodeIpAddress(ReadOnlySpan<byte> contents) =>
        contents.Length == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(contents)
            : throw new SnmpDecodeException($"An IpAddress has {contents.Length} octets; RFC 2578 §7.1.5 requires 4.");
}
