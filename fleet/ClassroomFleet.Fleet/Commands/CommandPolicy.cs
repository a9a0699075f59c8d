using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Auth;

namespace ClassroomFleet.Fleet.Commands;

/// <summary>
/// Which role may send which command. Technicians may re-poll, probe and switch panels; cutting power through the
/// cabinet relay is for technicians too, but forcing it past the uplink interlock is for admins only; auditors send
/// nothing; <c>config_confirm</c> is the fleet's own and no one sends it by hand.
/// </summary>
public static class CommandPolicy
{
    public static string? Refusal(ApiRole? role, string type, IReadOnlyDictionary<string, string>? args)
    {
        if (!CommandTypes.All.Contains(type) || type == CommandTypes.ConfigConfirm)
        {
            return $"'{type}' is not a command type that can be sent";
        }

        var forced = args is not null && args.TryGetValue("force", out var force) && string.Equals(force, "true", StringComparison.OrdinalIgnoreCase);
        return role switch
        {
            ApiRole.Admin => null,
            ApiRole.Technician when type == CommandTypes.PowerCycle && forced => "only an admin may force a power-cycle past the uplink interlock",
            ApiRole.Technician => null,
            _ => "this role may not send commands",
        };
    }

    public static bool NeedsDevice(string type) => type is CommandTypes.Repoll or CommandTypes.PanelPowerOn or CommandTypes.PanelPowerOff or CommandTypes.PowerCycle;
}
