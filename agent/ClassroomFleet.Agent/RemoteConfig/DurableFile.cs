using ClassroomFleet.Agent.Outbox;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Crash-safe file replacement: write a temporary file beside the target, fsync it, rename it over the target
/// (rename(2) is atomic within a file system), fsync the directory. A reader sees the old or the new content, never a mix.
/// </summary>
internal static class DurableFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Sync(directory);
    }

    /// <summary>The same, synchronously (for start-up code that runs before the host).</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Sync(directory);
    }

    public static void Delete(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        File.Delete(path);
        DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Removes temporary files a crash left behind.</summary>
    public static void RemoveLeftovers(string directory) => Remove(directory, ".*.tmp");

    /// <summary>Removes the temporary files a crash left behind while replacing <paramref name="path"/> (of any process).</summary>
    public static void RemoveLeftoversOf(string path) =>
        Remove(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.*.tmp");

    private static void Remove(string directory, string pattern)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateFiles(directory, pattern))
        {
            File.Delete(leftover);
        }
    }
}
