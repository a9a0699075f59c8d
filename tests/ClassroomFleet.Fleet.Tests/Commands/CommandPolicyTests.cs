using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Commands;

namespace ClassroomFleet.Fleet.Tests.Commands;

/// <summary>
/// The whole command type × role table, written out here as the requirement states it (not read back from the policy):
/// auditors send nothing; technicians probe, re-poll, switch panels and power-cycle within the interlock; admins all of
/// that and the forced power-cycle; no one sends <c>config_confirm</c> or an unknown type.
/// </summary>
public sealed class CommandPolicyTests
{
    public static TheoryData<ApiRole, string, bool, bool> Matrix()
    {
        var data = new TheoryData<ApiRole, string, bool, bool>();
        string[] operatorTypes = [CommandTypes.ProbeBandwidth, CommandTypes.Repoll, CommandTypes.PanelPowerOn, CommandTypes.PanelPowerOff, CommandTypes.PowerCycle];
        foreach (var type in operatorTypes)
        {
            data.Add(ApiRole.Admin, type, false, true);
            data.Add(ApiRole.Technician, type, false, true);
            data.Add(ApiRole.Auditor, type, false, false);
        }

        data.Add(ApiRole.Admin, CommandTypes.PowerCycle, true, true);
        data.Add(ApiRole.Technician, CommandTypes.PowerCycle, true, false);
        data.Add(ApiRole.Auditor, CommandTypes.PowerCycle, true, false);
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            data.Add(role, CommandTypes.ConfigConfirm, false, false);
            data.Add(role, "format_disk", false, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_Role_May_Send_Exactly_The_Commands_Of_Its_Row(ApiRole role, string type, bool forced, bool allowed)
    {
        var args = forced ? new Dictionary<string, string> { ["force"] = "true" } : null;

        var refusal = CommandPolicy.Refusal(role, type, args);

        Assert.True(allowed == (refusal is null), $"{role} {type} forced={forced}: expected {(allowed ? "allowed" : "refused")}, got {refusal ?? "allowed"}");
    }

    [Fact]
    public void The_Table_Lists_Every_Sendable_Type_And_No_More()
    {
        var types = CommandPolicy.Table.Keys.Select(k => k.Type).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(CommandTypes.All.Where(t => t != CommandTypes.ConfigConfirm).Order(StringComparer.Ordinal), types);
    }

    [Fact]
    public void Refusals_Say_Why()
    {
        Assert.Equal("only an admin may force a power-cycle past the uplink interlock", CommandPolicy.Refusal(ApiRole.Technician, CommandTypes.PowerCycle, new Dictionary<string, string> { ["force"] = "TRUE" }));
        Assert.Equal("role Auditor may not send 'repoll'", CommandPolicy.Refusal(ApiRole.Auditor, CommandTypes.Repoll, null));
        Assert.Equal("role (none) may not send 'repoll'", CommandPolicy.Refusal(null, CommandTypes.Repoll, null));
        Assert.Equal("'config_confirm' is not a command type that can be sent", CommandPolicy.Refusal(ApiRole.Admin, CommandTypes.ConfigConfirm, null));
    }

    [Theory]
    [InlineData(CommandTypes.Repoll)]
    [InlineData(CommandTypes.PanelPowerOff)]
    public void Force_On_Another_Type_Changes_Nothing(string type) =>
        Assert.Null(CommandPolicy.Refusal(ApiRole.Technician, type, new Dictionary<string, string> { ["force"] = "true" }));

    [Theory]
    [InlineData("false")]
    [InlineData("yes")]
    public void Only_Force_True_Makes_A_Forced_Power_Cycle(string force) =>
        Assert.Null(CommandPolicy.Refusal(ApiRole.Technician, CommandTypes.PowerCycle, new Dictionary<string, string> { ["force"] = force }));
}
