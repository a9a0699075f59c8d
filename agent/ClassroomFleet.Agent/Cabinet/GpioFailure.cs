using System.Device.Gpio.Drivers;
using System.Runtime.InteropServices;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Turns what System.Device.Gpio throws into one sentence an installer can act on.</summary>
internal static class GpioFailure
{
    /// <summary>The exceptions opening a chip or a line can end in; anything else is a bug and is let through.</summary>
    public static bool IsHardware(Exception ex) =>
        ex is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException or GpiodException
            or IOException or UnauthorizedAccessException or ExternalException or InvalidOperationException or ArgumentException;

    public static string ForChip(Exception ex, GpioDriverKind kind, int chip)
    {
        if (IsLibraryMissing(ex))
        {
            var library = kind == GpioDriverKind.LibgpiodV2 ? "libgpiod.so.3 (libgpiod 2.x)" : "libgpiod.so.2 (Debian package libgpiod2)";
            return $"GPIO unavailable: {library} is not installed; install it or set Cabinet:Driver to the libgpiod the system has, or to none ({ex.Message})";
        }

        var device = $"/dev/gpiochip{chip}";
        var state = File.Exists(device) ? "exists but could not be opened (permissions? group gpio?)" : "does not exist (wrong Cabinet:Chip, or no GPIO on this machine)";
        return $"GPIO unavailable: chip {device} {state}: {Innermost(ex).Message}";
    }

    public static string ForLine(Exception ex, string pin, int line, int chip, int lineCount)
    {
        if (lineCount > 0 && line >= lineCount)
        {
            return $"GPIO unavailable: line {line} (pin {pin}) does not exist on /dev/gpiochip{chip}, which has {lineCount} lines";
        }

        return $"GPIO unavailable: line {line} (pin {pin}) on /dev/gpiochip{chip} is busy or refused (another program holds it? see gpioinfo): {Innermost(ex).Message}";
    }

    private static bool IsLibraryMissing(Exception ex) =>
        ex is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException || ex.InnerException is { } inner && IsLibraryMissing(inner);

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
