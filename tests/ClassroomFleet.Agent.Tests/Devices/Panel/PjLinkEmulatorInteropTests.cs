using ClassroomFleet.Agent.Devices.Panel.PjLink;

namespace ClassroomFleet.Agent.Tests.Devices.Panel;

[Trait("Category", "Integration")]
[Trait("requires", "pjlink-simulator")]
public class PjLinkEmulatorInteropTests
{
    private static readonly string[] AllQueries = ["1CLSS", "1POWR", "1INPT", "1ERST", "1LAMP", "1NAME", "1INF1", "1INF2", "1INFO", "2FILT", "2SNUM", "2SVER"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Reads_Class_2_Status_Without_Authentication()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--power", "1", "--lamp-hours", "4321");
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout);
        var status = await PjLinkStatusReader.ReadAsync(session, AllQueries, TimeSpan.Zero, TimeProvider.System);

        Assert.False(session.AuthenticationRequired);
        Assert.Equal(2, status.Class);
        Assert.Equal(PjLinkPower.On, status.Power);
        Assert.Equal([new PjLinkLamp(4321, true)], status.Lamps);
        Assert.Equal(321, status.FilterHours);
        Assert.Equal("SIM0001234", status.SerialNumber);
        Assert.Equal("2.3.1", status.SoftwareVersion);
        Assert.Equal("Classroom Panel 3-2", status.Name);
        Assert.Equal("31", status.Input);
        Assert.False(status.Errors!.Value.Any);
    }

    [Fact]
    public async Task Authenticates_With_The_Right_Password()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", "JBMIAProjectorLink");
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, "JBMIAProjectorLink", Timeout);
        var first = await session.QueryAsync(1, "POWR");
        var second = await session.QueryAsync(2, "SNUM");

        Assert.True(session.AuthenticationRequired);
        Assert.Equal("1", first.Value);
        Assert.Equal("SIM0001234", second.Value);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_A_Typed_Authentication_Error()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", "right");
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, "wrong", Timeout);
        var ex = await Assert.ThrowsAsync<PjLinkAuthenticationException>(() => session.QueryAsync(1, "POWR"));
        Assert.Contains("ERRA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Device_Asking_For_A_Password_When_None_Is_Configured_Is_An_Authentication_Error()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", "right");
        await Assert.ThrowsAsync<PjLinkAuthenticationException>(() => PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout));
    }

    [Fact]
    public async Task A_Class_1_Device_Is_Not_Asked_Class_2_Queries()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--class", "1");
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout);
        var status = await PjLinkStatusReader.ReadAsync(session, AllQueries, TimeSpan.Zero, TimeProvider.System);

        Assert.Equal(1, status.Class);
        Assert.Null(status.SerialNumber);
        Assert.Null(status.FilterHours);
        Assert.Empty(status.FailedCommands);
        Assert.Equal("CF Sim", status.Manufacturer);
    }

    [Fact]
    public async Task Switched_Error_And_Power_States_Are_Read_Back()
    {
        await using var sim = await PjLinkSimulator.StartAsync();
        Assert.Equal("ok", await sim.ControlAsync("errors 002010"));
        Assert.Equal("ok", await sim.ControlAsync("power 2"));
        Assert.Equal("ok", await sim.ControlAsync("lamp-hours none"));
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout);
        var status = await PjLinkStatusReader.ReadAsync(session, AllQueries, TimeSpan.Zero, TimeProvider.System);

        Assert.Equal(new PjLinkErrorStatus(0, 0, 2, 0, 1, 0), status.Errors);
        Assert.Equal(PjLinkPower.Cooling, status.Power);
        Assert.Empty(status.Lamps);
        Assert.Empty(status.FailedCommands);
    }

    [Fact]
    public async Task Unavailable_Time_Replies_Are_Listed_Not_Fatal()
    {
        await using var sim = await PjLinkSimulator.StartAsync();
        Assert.Equal("ok", await sim.ControlAsync("busy on"));
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout);
        var status = await PjLinkStatusReader.ReadAsync(session, ["1POWR", "1LAMP", "1ERST"], TimeSpan.Zero, TimeProvider.System);

        Assert.Equal(PjLinkPower.On, status.Power);
        Assert.Equal(["1LAMP:ERR3", "1ERST:ERR3"], status.FailedCommands);
    }

    [Fact]
    public async Task A_Garbage_Reply_Is_A_Protocol_Error_And_The_Next_Session_Works()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--garbage");
        await using (var session = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout))
        {
            await Assert.ThrowsAsync<PjLinkProtocolException>(() => session.QueryAsync(1, "POWR"));
        }

        Assert.Equal("ok", await sim.ControlAsync("garbage off"));
        await using var next = await PjLinkSession.ConnectAsync("127.0.0.1", sim.Port, null, Timeout);
        Assert.Equal("1", (await next.QueryAsync(1, "POWR")).Value);
    }
}
