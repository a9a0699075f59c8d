using System.Globalization;
using System.Text;

namespace ClassroomFleet.Fleet.Audit;

/// <summary>
/// Anchors of the audit hash chain: <c>audit-anchors.log</c> beside <c>config.db</c>, one line <c>seq hash time</c>
/// appended (and fsynced) whenever the head of the chain moved, and the same pair written to the fleet's log. A chain
/// rewritten from some entry on, or cut short, no longer matches an anchor, although it is consistent in itself.
/// </summary>
public sealed class AuditAnchors(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<(long Sequence, string Hash)> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var anchors = new List<(long, string)>();
        foreach (var line in File.ReadLines(Path))
        {
            var parts = line.Split(' ');
            if (parts.Length >= 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                anchors.Add((seq, parts[1]));
            }
        }

        return anchors;
    }

    public (long Sequence, string Hash)? Last()
    {
        var all = Read();
        return all.Count == 0 ? null : all[^1];
    }

    public async Task AppendAsync(long sequence, string hash, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash} {time.UtcDateTime:O}\n"));
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }
}
