namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Alert thresholds (<c>Cabinet:Alerts</c>). Each alert is raised at one value and cleared at a lower one, so that a reading hovering at the threshold does not flap.</summary>
public sealed class CabinetAlertOptions
{
    public double OverTemperatureRaiseC { get; set; } = 40;

    public double OverTemperatureClearC { get; set; } = 37;

    public double HighHumidityRaisePct { get; set; } = 80;

    public double HighHumidityClearPct { get; set; } = 70;

    /// <summary>A door open longer than this raises <c>alert_door_open_long</c>; closing it clears the alert.</summary>
    public TimeSpan DoorOpenLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A mains input reporting no mains for this long raises <c>alert_mains_lost</c>; mains back clears it.</summary>
    public TimeSpan MainsLostHold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A UPS input reporting "on battery" for this long raises <c>alert_on_battery</c>; back on line clears it.</summary>
    public TimeSpan OnBatteryHold { get; set; } = TimeSpan.FromMinutes(1);
}
