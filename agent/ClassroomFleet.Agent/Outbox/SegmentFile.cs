using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// One segment: <c>seg-{first sequence}.log</c> holding records, and <c>seg-{first sequence}.done</c> listing the
/// sequences that already left the outbox (acknowledged, rejected, expired), so that a restart does not replay them.
/// Only the active segment is appended to; any segment is read by offset.
/// </summary>
internal sealed class SegmentFile : IDisposable
{
    private readonly SafeFileHandle _read;
    private FileStream? _append;
    private FileStream? _done;

    private SegmentFile(string directory, long firstSequence, long length, FileStream? append)
    {
        FirstSequence = firstSequence;
        LogPath = Path.Combine(directory, LogName(firstSequence));
        DonePath = Path.ChangeExtension(LogPath, ".done");
        Length = length;
        _append = append;
        _read = File.OpenHandle(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    public long FirstSequence { get; }

    public string LogPath { get; }

    public string DonePath { get; }

    /// <summary>Bytes of whole records (plus header): where the next record goes.</summary>
    public long Length { get; private set; }

    /// <summary>Entries of this segment still in the outbox index.</summary>
    public int Live { get; set; }

    public bool IsAppendable => _append is not null;

    public static string LogName(long firstSequence) => $"seg-{firstSequence.ToString("D20", CultureInfo.InvariantCulture)}.log";

    public static bool TryParseName(string fileName, out long firstSequence)
    {
        firstSequence = 0;
        return fileName.StartsWith("seg-", StringComparison.Ordinal) && fileName.EndsWith(".log", StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(4, fileName.Length - 8), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
    }

    /// <summary>Creates a new, empty segment (header fsynced, directory entry synced) open for appending.</summary>
    public static SegmentFile Create(string directory, long firstSequence)
    {
        var path = Path.Combine(directory, LogName(firstSequence));
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        try
        {
            Span<byte> header = stackalloc byte[SegmentCodec.HeaderSize];
            SegmentCodec.WriteHeader(header);
            stream.Write(header);
            stream.Flush(flushToDisk: true);
            DirectorySync.Sync(directory);
            return new SegmentFile(directory, firstSequence, SegmentCodec.HeaderSize, stream);
        }
        catch
        {
            stream.Dispose();
            TryDelete(path);
            throw;
        }
    }

    /// <summary>Opens a recovered segment for reading only; <paramref name="length"/> is where its good records end.</summary>
    public static SegmentFile OpenExisting(string directory, long firstSequence, long length) =>
        new(directory, firstSequence, length, null);

    /// <summary>Appends whole records and fsyncs: when this returns, they survive a crash or power loss.</summary>
    public void Append(ReadOnlySpan<byte> records)
    {
        var stream = _append ?? throw new InvalidOperationException("segment is not open for appending");
        stream.Write(records);
        stream.Flush(flushToDisk: true);
        Length += records.Length;
    }

    /// <summary>Cuts a failed, partly written group off again so that the file ends on a whole record.</summary>
    public void TruncateTo(long length)
    {
        var stream = _append ?? throw new InvalidOperationException("segment is not open for appending");
        stream.SetLength(length);
        stream.Position = length;
        stream.Flush(flushToDisk: true);
        Length = length;
    }

    public void CloseForAppend()
    {
        _append?.Dispose();
        _append = null;
    }

    public async ValueTask<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await RandomAccess.ReadAsync(_read, buffer.AsMemory(read), offset + read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException($"{LogPath} ends before offset {offset + length}");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Records that a sequence left the outbox. Not fsynced: losing it only means a harmless replay after a crash.</summary>
    public void MarkDone(long sequence)
    {
        _done ??= new FileStream(DonePath, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, sequence);
        _done.Write(bytes);
    }

    public static HashSet<long> ReadDone(string donePath)
    {
        var done = new HashSet<long>();
        if (!File.Exists(donePath))
        {
            return done;
        }

        var bytes = File.ReadAllBytes(donePath);
        // A torn last entry (crash mid-write) is ignored: that batch is only sent once more.
        for (var at = 0; at + 8 <= bytes.Length; at += 8)
        {
            done.Add(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at)));
        }

        return done;
    }

    public void Delete()
    {
        Dispose();
        File.Delete(LogPath);
        TryDelete(DonePath);
    }

    public void Dispose()
    {
        _append?.Dispose();
        _append = null;
        _done?.Dispose();
        _done = null;
        _read.Dispose();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
