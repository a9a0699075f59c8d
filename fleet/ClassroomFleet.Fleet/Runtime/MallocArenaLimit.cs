using System.Runtime.InteropServices;

namespace ClassroomFleet.Fleet.Runtime;

/// <summary>
/// Caps glibc's malloc arenas (<c>M_ARENA_MAX</c>) before the host starts. zlib's deflate state, a few hundred KiB for
/// each gzipped InfluxDB write, is malloc'd and freed on whichever thread-pool thread runs the write; with an arena per
/// thread each keeps freed memory of its own, and in the 10-minute ingest soak the fleet's resident memory rose by
/// 2.4 MiB a minute while its managed heap stayed flat. Two arenas kept it flat (bench/README.md "Ingest").
/// <c>MALLOC_ARENA_MAX</c> in the environment, when set, is left to decide; other C libraries are left alone.
/// </summary>
public static class MallocArenaLimit
{
    public const int Arenas = 2;

    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>True when the limit was applied; false off Linux, without glibc, or when the environment sets it.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMaxParameter, Arenas) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling code, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
