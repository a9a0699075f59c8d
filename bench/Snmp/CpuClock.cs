using System.Diagnostics;
using System.Globalization;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>CPU seconds of this process and of its reaped children (/proc/self/stat utime, stime, cutime, cstime).</summary>
internal static class CpuClock
{
    // USER_HZ on Linux.
    private const double TicksPerSecond = 100.0;

    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan Children() => FromStat("/proc/self/stat", 15, 16);

    /// <summary>utime + stime of another process (the agent), from its /proc entry.</summary>
    public static TimeSpan OfProcess(int pid) => FromStat($"/proc/{pid}/stat", 13, 14);

    private static TimeSpan FromStat(string path, int first, int second)
    {
        var text = File.ReadAllText(path);
        // Fields after the command name, which is in parentheses and may contain spaces.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[first - 2], CultureInfo.InvariantCulture) + long.Parse(fields[second - 2], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
