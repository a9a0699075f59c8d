using System.Buffers.Binary;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// What recovery read from one segment file: the whole records (offsets absolute in the file), the damaged stretches
/// found between whole records, how many records that damage provably cost (sequence gaps across it), and the tail: the
/// bytes after the last whole record that no whole record follows. A tail is what a crash or a power loss leaves of a
/// write that was never fsynced (a record cut short, or the zeros a file system shows for blocks it had not written),
/// so it never held a batch reported as collected; <see cref="TailRecords"/> counts the record markers in it.
/// </summary>
internal sealed record SegmentScan(
    IReadOnlyList<ScannedRecord> Records,
    bool HeaderValid,
    int DamagedRegions,
    long LostRecords,
    int TornTailBytes,
    int TailRecords,
    long GoodEnd)
{
    public bool NeedsSalvage => !HeaderValid || DamagedRegions > 0;

    /// <summary>Scans a segment's bytes, resynchronising on the record marker after any damaged stretch.</summary>
    public static SegmentScan Read(ReadOnlySpan<byte> file)
    {
        var records = new List<ScannedRecord>();
        var headerValid = SegmentCodec.IsHeader(file);
        var at = headerValid ? SegmentCodec.HeaderSize : 0;
        var damaged = 0;
        long lost = 0;
        long goodEnd = headerValid ? SegmentCodec.HeaderSize : 0;
        var afterDamage = !headerValid;
        var damageStart = -1;
        while (at < file.Length)
        {
            var status = SegmentCodec.TryReadRecord(file[at..], out var record);
            if (status == RecordStatus.Complete)
            {
                if (afterDamage && records.Count > 0)
                {
                    // Sequences within one segment are consecutive, so a gap across damage is exactly what it destroyed.
                    lost += Math.Max(0, record.Sequence - records[^1].Record.Sequence - 1);
                }

                afterDamage = false;
                damageStart = -1;
                records.Add(new ScannedRecord(record, at));
                at += record.TotalLength;
                goodEnd = at;
                continue;
            }

            if (!afterDamage)
            {
                damaged++;
                afterDamage = true;
                damageStart = at;
            }

            var next = SegmentCodec.FindMarker(file, at + 1);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        var tornTail = 0;
        var tailRecords = 0;
        if (damageStart >= 0)
        {
            // The last damaged stretch reaches the end of the file: a tail, not damage between records.
            damaged--;
            tornTail = file.Length - damageStart;
            tailRecords = CountMarkers(file[damageStart..]);
        }

        return new SegmentScan(records, headerValid, damaged, lost, tornTail, tailRecords, goodEnd);
    }

    private static int CountMarkers(ReadOnlySpan<byte> tail)
    {
        Span<byte> marker = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(marker, SegmentCodec.RecordMarker);
        var count = 0;
        int found;
        while ((found = tail.IndexOf(marker)) >= 0)
        {
            count++;
            tail = tail[(found + 4)..];
        }

        return count;
    }
}
