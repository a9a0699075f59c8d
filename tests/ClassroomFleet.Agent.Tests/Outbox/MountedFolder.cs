using System.Diagnostics;

namespace ClassroomFleet.Agent.Tests.Outbox;

/// <summary>A small tmpfs or a read-only bind mount for one test (needs root); unmounted on dispose.</summary>
public sealed class MountedFolder : IAsyncDisposable
{
    private MountedFolder(string path) => Path = path;

    public string Path { get; }

    public static async Task<MountedFolder> TmpfsAsync(int kilobytes)
    {
        var path = Directory.CreateTempSubdirectory("cf-tmpfs-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new MountedFolder(path);
    }

    /// <summary>Binds <paramref name="source"/> onto itself read-only: root cannot write it either (EROFS).</summary>
    public static async Task<MountedFolder> ReadOnlyAsync(string source)
    {
        await RunAsync("mount", "--bind", source, source);
        await RunAsync("mount", "-o", "remount,ro,bind", source);
        return new MountedFolder(source);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", Path);
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }
}
