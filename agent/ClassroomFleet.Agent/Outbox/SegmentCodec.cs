using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The on-disk layout of a segment (docs/outbox.md): a 16-byte header (<c>CFOUTBOX</c>, version, reserved), then records
/// of <c>marker u32 | body length u32 | CRC-32C(body) u32 | body</c>, where the body is
/// <c>seq i64 | created unix ms i64 | device length u8 | device | kind length u8 | kind | points JSON</c>, little-endian.
/// The marker lets recovery find the next record after a damaged one. No I/O here.
/// </summary>
internal static class SegmentCodec
{
    public const int HeaderSize = 16;
    public const int RecordHeaderSize = 12;
    public const uint RecordMarker = 0xCF0B_5E9D;
    public const int MaxBodyLength = 4 * 1024 * 1024;
    public const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "CFOUTBOX"u8;

    public static void WriteHeader(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], 0);
    }

    public static bool IsHeader(ReadOnlySpan<byte> source) =>
        source.Length >= HeaderSize && source[..8].SequenceEqual(Magic) && BinaryPrimitives.ReadUInt32LittleEndian(source[8..]) == Version;

    /// <summary>The bytes one record of this append takes in a segment: names counted in UTF-8 bytes, not characters.</summary>
    public static int RecordLength(OutboxAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        return RecordHeaderSize + BodyLength(Encoding.UTF8.GetByteCount(append.Device), Encoding.UTF8.GetByteCount(append.Kind), append.Points.Length);
    }

    /// <summary>Writes one record and returns where its points start, relative to the record's first byte.</summary>
    public static int WriteRecord(IBufferWriter<byte> writer, long sequence, OutboxAppend append)
    {
        var deviceLength = Encoding.UTF8.GetByteCount(append.Device);
        var kindLength = Encoding.UTF8.GetByteCount(append.Kind);
        if (deviceLength > byte.MaxValue || kindLength > byte.MaxValue)
        {
            throw new ArgumentException("device and kind must be at most 255 bytes", nameof(append));
        }

        var bodyLength = BodyLength(deviceLength, kindLength, append.Points.Length);
        if (bodyLength > MaxBodyLength)
        {
            throw new ArgumentException($"a batch of {bodyLength} bytes exceeds {MaxBodyLength}", nameof(append));
        }

        var span = writer.GetSpan(RecordHeaderSize + bodyLength)[..(RecordHeaderSize + bodyLength)];
        var body = span[RecordHeaderSize..];
        BinaryPrimitives.WriteInt64LittleEndian(body, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], append.CreatedUnixMs);
        var at = 16;
        body[at++] = (byte)deviceLength;
        at += Encoding.UTF8.GetBytes(append.Device, body[at..]);
        body[at++] = (byte)kindLength;
        at += Encoding.UTF8.GetBytes(append.Kind, body[at..]);
        var pointsStart = RecordHeaderSize + at;
        append.Points.Span.CopyTo(body[at..]);

        BinaryPrimitives.WriteUInt32LittleEndian(span, RecordMarker);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Crc32C(body));
        writer.Advance(span.Length);
        return pointsStart;
    }

    /// <summary>
    /// Reads the record at <paramref name="source"/>[0..]. <see cref="RecordStatus.Incomplete"/>: the bytes end inside
    /// it; <see cref="RecordStatus.Damaged"/>: no marker, an impossible length or a CRC mismatch.
    /// </summary>
    public static RecordStatus TryReadRecord(ReadOnlySpan<byte> source, out DecodedRecord record)
    {
        record = default;
        if (source.Length < RecordHeaderSize)
        {
            return source.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(source) != RecordMarker
                ? RecordStatus.Damaged
                : RecordStatus.Incomplete;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(source) != RecordMarker)
        {
            return RecordStatus.Damaged;
        }

        var bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(source[4..]);
        if (bodyLength is < 18 or > MaxBodyLength)
        {
            return RecordStatus.Damaged;
        }

        if (source.Length < RecordHeaderSize + (int)bodyLength)
        {
            return RecordStatus.Incomplete;
        }

        var body = source.Slice(RecordHeaderSize, (int)bodyLength);
        if (Crc32C(body) != BinaryPrimitives.ReadUInt32LittleEndian(source[8..]))
        {
            return RecordStatus.Damaged;
        }

        var at = 16;
        var deviceLength = body[at++];
        if (at + deviceLength + 1 > body.Length)
        {
            return RecordStatus.Damaged;
        }

        var device = Encoding.UTF8.GetString(body.Slice(at, deviceLength));
        at += deviceLength;
        var kindLength = body[at++];
        if (at + kindLength > body.Length)
        {
            return RecordStatus.Damaged;
        }

        var kind = Encoding.UTF8.GetString(body.Slice(at, kindLength));
        at += kindLength;
        record = new DecodedRecord(
            BinaryPrimitives.ReadInt64LittleEndian(body),
            BinaryPrimitives.ReadInt64LittleEndian(body[8..]),
            device,
            kind,
            RecordHeaderSize + at,
            (int)bodyLength - at,
            RecordHeaderSize + (int)bodyLength);
        return RecordStatus.Complete;
    }

    private static int BodyLength(int deviceBytes, int kindBytes, int pointsBytes) => 8 + 8 + 1 + deviceBytes + 1 + kindBytes + pointsBytes;

    /// <summary>The next offset at or after <paramref name="from"/> where a record marker stands, or -1.</summary>
    public static int FindMarker(ReadOnlySpan<byte> source, int from)
    {
        Span<byte> marker = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(marker, RecordMarker);
        var found = source[from..].IndexOf(marker);
        return found < 0 ? -1 : from + found;
    }

    // CRC-32C (Castagnoli, RFC 3720 §12.1), hardware-accelerated where the CPU has it.
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
