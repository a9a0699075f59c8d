using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Auth;

namespace ClassroomFleet.Fleet.Commands;

/// <summary>
/// Which role may send which command, as one table (<see cref="Table"/>): technicians and admins may probe, re-poll,
/// switch panels and power-cycle a device through the cabinet relay; forcing a power-cycle past the uplink interlock is
/// for admins only; auditors send nothing; <c>config_confirm</c> is the fleet's own and no one sends it by hand.
/// </summary>
public static class CommandPolicy
{
    private static readonly IReadOnlySet<ApiRole> Operators = new HashSet<ApiRole> { ApiRole.Admin, ApiRole.Technician };
    private static readonly IReadOnlySet<ApiRole> AdminsOnly = new HashSet<ApiRole> { ApiRole.Admin };

    /// <summary>Every command a person may send, with the roles allowed to send it. A type not listed is sent by no one.</summary>
    public static IReadOnlyDictionary<CommandAction, IReadOnlySet<ApiRole>> Table { get; } = new Dictionary<CommandAction, IReadOnlySet<ApiRole>>
    {
        [new(CommandTypes.ProbeBandwidth)] = Operators,
        [new(CommandTypes.Repoll)] = Operators,
        [new(CommandTypes.PanelPowerOn)] = Operators,
        [new(CommandTypes.PanelPowerOff)] = Operators,
        [new(CommandTypes.PowerCycle)] = Operators,
        [new(CommandTypes.PowerCycle, Forced: true)] = AdminsOnly,
    };

    /// <summary>Why <paramref name="role"/> may not send this command; null when it may.</summary>
    public static string? Refusal(ApiRole? role, string type, IReadOnlyDictionary<string, string>? args)
    {
        ArgumentNullException.ThrowIfNull(type);
        var action = ActionOf(type, args);
        if (!Table.TryGetValue(action, out var roles))
        {
            return $"'{type}' is not a command type that can be sent";
        }

        if (role is { } known && roles.Contains(known))
        {
            return null;
        }

        return action.Forced
            ? "only an admin may force a power-cycle past the uplink interlock"
            : $"role {role?.ToString() ?? "(none)"} may not send '{type}'";
    }

    public static bool NeedsDevice(string type) => type is CommandTypes.Repoll or CommandTypes.PanelPowerOn or CommandTypes.PanelPowerOff or CommandTypes.PowerCycle;

    /// <summary><c>args.force=true</c> makes a power-cycle a forced one; on any other type it changes nothing.</summary>
    private static CommandAction ActionOf(string type, IReadOnlyDictionary<string, string>? args) =>
        new(type, type == CommandTypes.PowerCycle && args is not null && args.TryGetValue("force", out var force) && string.Equals(force, "true", StringComparison.OrdinalIgnoreCase));
}
