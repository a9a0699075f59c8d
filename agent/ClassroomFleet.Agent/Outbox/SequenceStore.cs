using System.Buffers.Binary;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The next sequence number, kept in <c>sequence</c> for when every segment has been acknowledged and deleted: together
/// with the segment names (their first sequence) it keeps sequence numbers growing across restarts. Written to a
/// temporary file, fsynced and renamed, so a crash leaves the old or the new value, never a torn one.
/// </summary>
internal sealed class SequenceStore(string directory)
{
    private readonly string _path = Path.Combine(directory, "sequence");

    public long? Read()
    {
        try
        {
            var bytes = File.ReadAllBytes(_path);
            if (bytes.Length == 12 && SegmentCodec.Crc32C(bytes.AsSpan(0, 8)) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)))
            {
                return BinaryPrimitives.ReadInt64LittleEndian(bytes);
            }
        }
        catch (FileNotFoundException)
        {
        }

        return null;
    }

    public void Write(long next)
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, next);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), SegmentCodec.Crc32C(bytes.AsSpan(0, 8)));
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
        DirectorySync.Sync(directory);
    }
}
