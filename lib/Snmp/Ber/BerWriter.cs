using System.Buffers;

namespace ClassroomFleet.Snmp.Ber;

/// <summary>
/// Writes BER back to front into a pooled buffer, so every length is known when its header is written and nothing is
/// copied twice. Callers write the last element first; a constructed value is closed with
/// <see cref="WriteHeader(byte, int)"/> once its contents are in. Dispose returns the buffer to the pool.
/// </summary>
internal ref struct BerWriter
{
    private byte[] _buffer;
    private int _start;

    public BerWriter(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        _start = _buffer.Length;
    }

    /// <summary>Bytes written so far; a mark for <see cref="LengthSince"/>.</summary>
    public readonly int Written => _buffer.Length - _start;

    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(_start);

    public readonly int LengthSince(int mark) => Written - mark;

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        _start -= bytes.Length;
        bytes.CopyTo(_buffer.AsSpan(_start));
    }

    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[--_start] = value;
    }

    /// <summary>Prepends tag and definite length (X.690 §8.1.3) for contents of <paramref name="contentLength"/> bytes.</summary>
    public void WriteHeader(byte tag, int contentLength)
    {
        if (contentLength < 0x80)
        {
            WriteByte((byte)contentLength);
        }
        else
        {
            var octets = 0;
            for (var rest = contentLength; rest > 0; rest >>= 8)
            {
                WriteByte((byte)rest);
                octets++;
            }

            WriteByte((byte)(0x80 | octets));
        }

        WriteByte(tag);
    }

    public void WriteConstructed(byte tag, int mark) => WriteHeader(tag, LengthSince(mark));

    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        var mark = Written;
        // X.690 §8.3.2: the minimal two's complement form.
        do
        {
            WriteByte((byte)value);
            value >>= 8;
        }
        while (!(value == 0 && (_buffer[_start] & 0x80) == 0) && !(value == -1 && (_buffer[_start] & 0x80) != 0));

        WriteConstructed(tag, mark);
    }

    public void WriteUnsigned(ulong value, byte tag)
    {
        var mark = Written;
        do
        {
            WriteByte((byte)value);
            value >>= 8;
        }
        while (value != 0);

        if ((_buffer[_start] & 0x80) != 0)
        {
            WriteByte(0);
        }

        WriteConstructed(tag, mark);
    }

    public void WriteOctetString(scoped ReadOnlySpan<byte> value, byte tag = BerTag.OctetString)
    {
        WriteBytes(value);
        WriteHeader(tag, value.Length);
    }

    public void WriteNull(byte tag = BerTag.Null) => WriteHeader(tag, 0);

    /// <summary>Writes an OBJECT IDENTIFIER; one that X.690 cannot carry is refused before anything is sent.</summary>
    public void WriteOid(Oid oid)
    {
        if (oid.FindEncodingProblem() is { } problem)
        {
            throw new SnmpException(SnmpErrorKind.InvalidRequest, $"Cannot encode OBJECT IDENTIFIER {oid}: {problem}.");
        }

        var mark = Written;
        var ids = oid.SubIds;
        if (ids.Length < 2)
        {
            // X.690 §8.19.4 needs two arcs; a lone arc N is encoded as N.0 and the empty OID as 0.0, as net-snmp does.
            WriteSubId(ids.Length == 1 ? ids[0] * 40UL : 0);
        }
        else
        {
            for (var i = ids.Length - 1; i >= 2; i--)
            {
                WriteSubId(ids[i]);
            }

            WriteSubId((ids[0] * 40UL) + ids[1]);
        }

        WriteConstructed(BerTag.ObjectIdentifier, mark);
    }

    private void WriteSubId(ulong value)
    {
        WriteByte((byte)(value & 0x7F));
        value >>= 7;
        while (value != 0)
        {
            WriteByte((byte)(0x80 | (value & 0x7F)));
            value >>= 7;
        }
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes at the front, moving what is written to a larger pooled buffer.</summary>
    private void Reserve(int count)
    {
        if (_start >= count)
        {
            return;
        }

        var written = Written;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, written + count));
        var newStart = larger.Length - written;
        _buffer.AsSpan(_start).CopyTo(larger.AsSpan(newStart));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
        _start = newStart;
    }

    /// <summary>Hands the written bytes over as a <see cref="PooledDatagram"/>; the writer is empty afterwards.</summary>
    public PooledDatagram Detach()
    {
        var datagram = new PooledDatagram(_buffer, _start, Written);
        _buffer = [];
        _start = 0;
        return datagram;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _start = 0;
        }
    }
}
