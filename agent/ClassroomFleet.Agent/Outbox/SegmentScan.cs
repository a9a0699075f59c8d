namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// What recovery read from one segment file: the whole records (offsets absolute in the file), whether any damage was
/// found before the end, how many records that damage provably cost (sequence gaps across it), and the bytes of an
/// incomplete last record (a write the crash interrupted: never fsynced, so never reported as collected).
/// </summary>
internal sealed record SegmentScan(
    IReadOnlyList<ScannedRecord> Records,
    bool HeaderValid,
    int DamagedRegions,
    long LostRecords,
    int TornTailBytes,
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
        var tornTail = 0;
        long goodEnd = headerValid ? SegmentCodec.HeaderSize : 0;
        var afterDamage = !headerValid;
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
                records.Add(new ScannedRecord(record, at));
                at += record.TotalLength;
                goodEnd = at;
                continue;
            }

            var next = SegmentCodec.FindMarker(file, at + 1);
            if (status == RecordStatus.Incomplete && next < 0)
            {
                tornTail = file.Length - at;
                break;
            }

            if (!afterDamage)
            {
                damaged++;
                afterDamage = true;
            }

            if (next < 0)
            {
                break;
            }

            at = next;
        }

        return new SegmentScan(records, headerValid, damaged, lost, tornTail, goodEnd);
    }
}
