using System.Globalization;
using System.Text.Json.Nodes;
using ClassroomFleet.Cli.Tests.Commands.Audit;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Cli.Tests.Commands.Technician;

/// <summary>
/// fleetctl's technician commands against the real fleet host (real mosquitto and influxd), with no agent: login, pull,
/// push with the pulled version, a conflicting push, a rollout to the county (it stays <c>pushed</c>), a command (it
/// stays <c>queued</c>), the audit log. The same sequence with real agents through to <c>confirmed</c> and
/// <c>succeeded</c> is tests/ClassroomFleet.EndToEnd.Tests/RemoteConfig/TechnicianPushToSchoolAndCountyTests.cs.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class TechnicianCommandTests : IAsyncLifetime
{
    private const string Token = "cft_cli-technician";
    private readonly string _county = "9" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _data = Directory.CreateTempSubdirectory("cf-cli-fleet-").FullName;
    private WebApplication _fleet = null!;
    private Dictionary<string, string> _env = null!;

    private string School => _county + "0001";

    public async Task InitializeAsync()
    {
        var (mqttHost, mqttPort) = ServiceEndpoints.Mqtt;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fleet-cli-test-" + _county,
            ["Mqtt:CleanStart"] = "true",
            ["Fleet:SharedGroup"] = "cli-test-" + _county,
            ["Fleet:DataDirectory"] = _data,
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = "cf_cli_test",
            ["RemoteConfig:RolloutTick"] = "00:00:00.200",
            ["Auth:Tokens:0:Name"] = "tech-wang",
            ["Auth:Tokens:0:Sha256"] = ApiTokens.Hash(Token),
            ["Auth:Tokens:0:Role"] = nameof(ApiRole.Technician),
            ["Auth:Tokens:0:County"] = _county,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleet();
        _fleet = builder.Build();
        _fleet.MapFleet();
        await _fleet.StartAsync();
        var url = _fleet.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _env = new Dictionary<string, string> { ["CF_FLEETCTL_CONFIG"] = Path.Combine(_data, "fleetctl.json") };
        var login = await CliRun.InvokeAsync(["login", "--fleet", url, "--token", Token], _env);
        Assert.True(login.ExitCode == 0, login.Error);
    }

    public async Task DisposeAsync()
    {
        await _fleet.StopAsync();
        await _fleet.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_Technician_Pushes_To_One_School_Then_Rolls_A_Change_Out_To_The_County()
    {
        var file = Path.Combine(_data, "school.yaml");
        await File.WriteAllTextAsync(file, SchoolYaml("30s"));

        // One school: first push from version 0, then a pull/edit/push cycle.
        var first = await CliRun.InvokeAsync(["config", "push", "--county", _county, "--school", School, "--file", file, "--base", "0"], _env);
        Assert.True(first.ExitCode == 0, first.Error);
        var pulled = await CliRun.InvokeAsync(["config", "pull", "--county", _county, "--school", School, "--out", file], _env);
        Assert.Equal(1, JsonNode.Parse(pulled.Output)!["base_version"]!.GetValue<long>());
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("30s", "45s", StringComparison.Ordinal));
        var second = await CliRun.InvokeAsync(["config", "push", "--county", _county, "--school", School, "--file", file, "--base", "1"], _env);
        Assert.True(second.ExitCode == 0, second.Error);
        var stale = await CliRun.InvokeAsync(["config", "push", "--county", _county, "--school", School, "--file", file, "--base", "1"], _env);
        Assert.Equal(ExitCodes.Conflict, stale.ExitCode);
        Assert.Contains("\"current_version\":2", stale.Error, StringComparison.Ordinal);
        var shown = await CliRun.InvokeAsync(["config", "show", "--county", _county, "--school", School], _env);
        Assert.Contains("interval: 45s", JsonNode.Parse(shown.Output)!["desired"]!["school_file"]!.GetValue<string>(), StringComparison.Ordinal);

        // The county: every school's switches to 60s, one school first, then the rest.
        var started = await CliRun.InvokeAsync(["rollout", "start", "--county", _county, "--kind", "switch", "--interval", "60s", "--waves", "1,100%"], _env);
        Assert.True(started.ExitCode == 0, started.Error);
        var id = JsonNode.Parse(started.Output)!["id"]!.GetValue<string>();
        var status = await CliRun.InvokeAsync(["rollout", "status", "--id", id], _env);
        var school = JsonNode.Parse(status.Output)!["schools"]!.AsArray().Single()!;
        Assert.Equal("pushed", school["status"]!.GetValue<string>());
        Assert.Equal(3, school["version"]!.GetValue<long>());

        var sent = await CliRun.InvokeAsync(["command", "send", "--county", _county, "--school", School, "--type", "repoll", "--device", "sw-core-1"], _env);
        Assert.True(sent.ExitCode == 0, sent.Error);
        var commandId = JsonNode.Parse(sent.Output)!["id"]!.GetValue<string>();
        var commandState = await CliRun.InvokeAsync(["command", "status", "--id", commandId], _env);
        Assert.Equal("queued", JsonNode.Parse(commandState.Output)!["state"]!.GetValue<string>());

        var log = await CliRun.InvokeAsync(["audit-log", "--action", "config.push"], _env);
        Assert.Equal(4, JsonNode.Parse(log.Output)!.AsArray().Count); // two pushes, the conflict, the rollout's push
        var verified = await CliRun.InvokeAsync(["audit-log", "--verify"], _env);
        Assert.True(JsonNode.Parse(verified.Output)!["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Pulling_A_School_Whose_File_The_Fleet_Does_Not_Know_Fails_And_Writes_Nothing()
    {
        var file = Path.Combine(_data, "never.yaml");

        var pulled = await CliRun.InvokeAsync(["config", "pull", "--county", _county, "--school", School, "--out", file], _env);

        Assert.Equal(ExitCodes.Refused, pulled.ExitCode);
        Assert.Contains("no school file known", pulled.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Another_Countys_School_Is_Refused_And_Without_Login_Nothing_Is_Sent()
    {
        var other = await CliRun.InvokeAsync(["config", "show", "--county", "410323", "--school", "4141032301"], _env);
        var anonymous = await CliRun.InvokeAsync(["config", "show", "--county", _county, "--school", School], new Dictionary<string, string> { ["CF_FLEETCTL_CONFIG"] = Path.Combine(_data, "none.json") });

        Assert.Equal(ExitCodes.Refused, other.ExitCode);
        Assert.Equal(ExitCodes.Usage, anonymous.ExitCode);
        Assert.Contains("not logged in", anonymous.Error, StringComparison.Ordinal);
    }

    private string SchoolYaml(string interval) => OneSwitchSchool.Yaml(_county, School, interval: interval);
}
