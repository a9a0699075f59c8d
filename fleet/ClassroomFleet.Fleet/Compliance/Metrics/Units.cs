namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Units a rule may compare in. Bandwidth is Mbit/s with M = 10^6 (兆 / M / Mbps in the policies); MB/s is megabytes per
/// second, eight times larger, and is refused (POLICY-TARGETS §6.1).
/// </summary>
public static class Units
{
    public const string MegabitPerSecond = "Mbit/s";
    public const string Percent = "%";
    public const string Ratio = "ratio";
    public const string PersonsPerDevice = "persons/device";
    public const string Seats = "seats";
    public const string RoomsPerHundredStudents = "rooms/100 students";

    public static string? Explain(string written, string expected) => written switch
    {
        "MB/s" or "MByte/s" or "MBps" => $"unit '{written}' is megabytes per second (8 × Mbit/s); this metric is in {expected}",
        "Mbps" or "M" or "兆" or "Mb/s" => $"unit '{written}' must be written '{MegabitPerSecond}' (10^6 bit/s)",
        _ => null,
    };
}
