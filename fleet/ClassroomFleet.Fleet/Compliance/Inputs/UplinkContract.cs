namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>How an uplink is used: load-balanced and primary lines count towards capacity, a standby line does not.</summary>
public enum UplinkRole
{
    Primary,
    Balanced,
    Standby,
}

/// <summary>What an uplink connects to: the internet, or the county education metro network (教育城域网).</summary>
public enum UplinkReach
{
    Internet,
    Metro,
}

/// <summary>A contracted access line with its down and up rates in Mbit/s (10^6 bit/s) and the evidence it comes from.</summary>
public sealed record UplinkContract(string Id, decimal DownMbps, decimal UpMbps, UplinkRole Role, UplinkReach Reach, DateOnly AsOf, string Source);
