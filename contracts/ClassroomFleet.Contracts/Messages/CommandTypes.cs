namespace ClassroomFleet.Contracts.Messages;

/// <summary>The command types of contract v1.</summary>
public static class CommandTypes
{
    /// <summary>Run the school's bandwidth probes now.</summary>
    public const string ProbeBandwidth = "probe_bandwidth";

    /// <summary>Poll one device now, outside its schedule.</summary>
    public const string Repoll = "repoll";

    public const string PanelPowerOn = "pjlink_power_on";
    public const string PanelPowerOff = "pjlink_power_off";

    /// <summary>Cut and restore a device's power through the cabinet relay (<c>args.force</c> overrides the interlock).</summary>
    public const string PowerCycle = "power_cycle";

    /// <summary>The fleet confirms that it saw configuration <c>args.version</c> in force (ends the agent's rollback timer).</summary>
    public const string ConfigConfirm = "config_confirm";

    public static readonly IReadOnlyList<string> All = [ProbeBandwidth, Repoll, PanelPowerOn, PanelPowerOff, PowerCycle, ConfigConfirm];
}
