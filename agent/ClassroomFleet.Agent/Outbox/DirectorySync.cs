using System.Runtime.InteropServices;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// fsync of a directory, so that a created, renamed or deleted file survives power loss (POSIX fsync(2); ext4 and
/// most file systems need it for the directory entry). Best effort: a failure only loses that guarantee.
/// </summary>
internal static class DirectorySync
{
    // O_RDONLY opens a directory too; O_DIRECTORY is left out because its value differs between x86-64 and ARM.
    private const int ORdOnly = 0;

    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(System.Text.Encoding.UTF8.GetBytes(directory + "\0"), ORdOnly);
        if (fd < 0)
        {
            return;
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    // DllImport rather than LibraryImport: the generator needs unsafe code enabled, and these signatures marshal trivially.
    [DllImport("libc", EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] nulTerminatedUtf8Path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
