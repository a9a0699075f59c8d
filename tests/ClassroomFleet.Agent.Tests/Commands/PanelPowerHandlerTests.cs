using System.Globalization;
using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Panel.PjLink;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Agent.Tests.Devices.Panel;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Commands;

/// <summary><c>pjlink_power_on</c> / <c>pjlink_power_off</c> against the PJLink emulator (simulators/pjlink), with its password.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "pjlink-simulator")]
public sealed class PanelPowerHandlerTests : IDisposable
{
    private const string Password = "s3cret";
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-panel-power-").FullName;

    [Fact]
    public async Task Power_Off_Then_On_Switches_The_Panel_And_The_Panel_Says_So()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", Password);
        using var schools = await SchoolsAsync(sim.Port);

        var off = await Handler(false, schools, Password).HandleAsync(Command(CommandTypes.PanelPowerOff, "panel-c1"));
        Assert.Equal(CommandState.Succeeded, off.State);
        Assert.Equal("0", await PowerStateAsync(sim.Port));

        var on = await Handler(true, schools, Password).HandleAsync(Command(CommandTypes.PanelPowerOn, "panel-c1"));
        Assert.Equal(CommandState.Succeeded, on.State);
        Assert.Equal("OK", on.Output!["reply"]);
        Assert.Equal("1", await PowerStateAsync(sim.Port));
    }

    [Fact]
    public async Task A_Wrong_Password_Fails_The_Command_And_Leaves_The_Panel_As_It_Was()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", Password);
        using var schools = await SchoolsAsync(sim.Port);
        var before = await PowerStateAsync(sim.Port);

        var outcome = await Handler(before != "1", schools, "wrong").HandleAsync(Command(before == "1" ? CommandTypes.PanelPowerOff : CommandTypes.PanelPowerOn, "panel-c1"));

        Assert.Equal(CommandState.Failed, outcome.State);
        Assert.False(string.IsNullOrEmpty(outcome.Reason));
        Assert.Equal(before, await PowerStateAsync(sim.Port));
    }

    [Fact]
    public async Task A_Device_That_Is_Not_A_PjLink_Panel_Of_The_School_Fails_With_The_Reason()
    {
        await using var sim = await PjLinkSimulator.StartAsync("--password", Password);
        using var schools = await SchoolsAsync(sim.Port);

        var unknown = await Handler(true, schools, Password).HandleAsync(Command(CommandTypes.PanelPowerOn, "panel-zz"));
        var notPanel = await Handler(true, schools, Password).HandleAsync(Command(CommandTypes.PanelPowerOn, "sw-core-1"));

        Assert.Equal(CommandState.Failed, unknown.State);
        Assert.Contains("no PJLink device 'panel-zz'", unknown.Reason, StringComparison.Ordinal);
        Assert.Equal(CommandState.Failed, notPanel.State);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PanelPowerHandler Handler(bool on, SchoolFileProvider schools, string password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Credentials:panels:Password"] = password }).Build();
        return new PanelPowerHandler(on, schools, DeviceProfileCatalog.BuiltIn, new DeviceCredentials(configuration));
    }

    private static CommandMessage Command(string type, string device) => new()
    {
        Id = "cmd-" + Guid.NewGuid().ToString("N")[..16],
        Type = type,
        Device = device,
        IssuedBy = "tech-wang",
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
    };

    /// <summary>Asks the emulator itself (<c>%1POWR ?</c>), not the handler.</summary>
    private static async Task<string> PowerStateAsync(int port)
    {
        await using var session = await PjLinkSession.ConnectAsync("127.0.0.1", port, Password, TimeSpan.FromSeconds(10));
        return (await session.SendAsync(1, "POWR", "?")).Value;
    }

    private async Task<SchoolFileProvider> SchoolsAsync(int port)
    {
        var path = Path.Combine(_folder, "school.yaml");
        var yaml = OneSwitchSchool.Yaml("410323", "4141032301") + $"""
              - id: panel-c1
                kind: panel
                room: net
                address: 127.0.0.1
                pjlink:
                  port: {port.ToString(CultureInfo.InvariantCulture)}
                  credential: panels

            """;
        await File.WriteAllTextAsync(path, yaml);
        var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = path, StateDirectory = Path.Combine(_folder, "state") }), NullLogger<SchoolFileProvider>.Instance);
        Assert.NotNull(await provider.ReloadAsync());
        return provider;
    }
}
