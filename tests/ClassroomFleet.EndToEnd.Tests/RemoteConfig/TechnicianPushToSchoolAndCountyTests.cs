using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests.RemoteConfig;

/// <summary>
/// The README's "Pushing a configuration change" start to finish, through fleetctl, on the real fleet, three real
/// agents with remote configuration on and the real mosquitto: pull a school nobody has pushed to (its agent's reported
/// file, base 0), edit, push, wait for <c>confirmed</c> and for the agent to poll at the new interval, send a command
/// that the agent carries out, then roll a change out to the county in waves until every school is <c>succeeded</c>.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the hosts through IAsyncLifetime.DisposeAsync")]
public sealed class TechnicianPushToSchoolAndCountyTests : IAsyncLifetime
{
    private const string Token = "cft_e2e-rc-county-technician";
    private readonly string _county = "4" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _root = Directory.CreateTempSubdirectory("cf-e2e-rc-county-").FullName;
    private readonly List<IHost> _agents = [];
    private readonly List<RecordingSwitchPoller> _pollers = [];
    private WebApplication _fleet = null!;
    private Fleetctl _fleetctl = null!;

    private IReadOnlyList<string> Schools => [_county + "0001", _county + "0002", _county + "0003"];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (mqttHost, mqttPort) = ServiceEndpoints.Mqtt;
        _fleet = await InProcessHosts.StartFleetAsync(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fleet-e2e-rc-county-" + _county,
            ["Mqtt:CleanStart"] = "true",
            ["Fleet:SharedGroup"] = "e2e-rc-county-" + _county,
            ["Fleet:DataDirectory"] = Path.Combine(_root, "fleet"),
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = "cf_e2e_rc",
            ["RemoteConfig:RolloutTick"] = "00:00:00.200",
            ["RemoteConfig:ConfirmTimeoutSeconds"] = "60",
            ["Auth:Tokens:0:Name"] = "tech-wang",
            ["Auth:Tokens:0:Sha256"] = ApiTokens.Hash(Token),
            ["Auth:Tokens:0:Role"] = nameof(ApiRole.Technician),
            ["Auth:Tokens:0:County"] = _county,
        }, timeout.Token);
        var url = _fleet.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _fleetctl = new Fleetctl(Path.Combine(_root, "fleetctl.json"));
        var login = await _fleetctl.RunAsync("login", "--fleet", url, "--token", Token);
        Assert.True(login.ExitCode == 0, login.Error);

        // As scripts/demo.sh does: every agent pins the public key the fleet serves.
        var keyFile = Path.Combine(_root, "fleet-config.pub.pem");
        using (var api = new HttpClient { BaseAddress = new Uri(url) })
        {
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            await File.WriteAllTextAsync(keyFile, await api.GetStringAsync("/api/v1/config/signing-key", timeout.Token), timeout.Token);
        }

        foreach (var school in Schools)
        {
            var folder = Path.Combine(_root, "agent-" + school);
            Directory.CreateDirectory(folder);
            var schoolFile = Path.Combine(folder, "school.yaml");
            await File.WriteAllTextAsync(schoolFile, OneSwitchSchool.Yaml(_county, school, address: "127.0.0.1:11611", interval: "30s"), timeout.Token);
            var poller = new RecordingSwitchPoller();
            _pollers.Add(poller);
            _agents.Add(await InProcessHosts.StartAgentAsync(
                new Dictionary<string, string?>
                {
                    ["Agent:SchoolFile"] = schoolFile,
                    ["Agent:AgentId"] = "gw-" + school,
                    ["Agent:StateDirectory"] = Path.Combine(folder, "state"),
                    ["Agent:HealthEndpoint"] = "",
                    ["Mqtt:Host"] = mqttHost,
                    ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
                    ["Mqtt:ClientId"] = "agent-e2e-rc-" + school,
                    ["Mqtt:ReconnectMinDelay"] = "00:00:00.100",
                    ["Mqtt:ReconnectMaxDelay"] = "00:00:01",
                    ["RemoteConfig:FleetPublicKeyFile"] = keyFile,
                    ["RemoteConfig:ConfirmTimeout"] = "00:01:00",
                },
                timeout.Token,
                services: s =>
                {
                    s.RemoveAll<IDevicePoller>();
                    s.AddSingleton<IDevicePoller>(poller);
                }));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await agent.StopAsync(stop.Token);
            agent.Dispose();
        }

        await _fleet.StopAsync();
        await _fleet.DisposeAsync();
        await ClearRetainedAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_Technician_Pushes_To_One_School_Then_To_The_County_And_Every_Agent_Confirms_And_Polls_At_The_New_Interval()
    {
        // Before anyone pushed: each agent reports its own school file (status local, version 0).
        foreach (var school in Schools)
        {
            await _fleetctl.WaitForAsync(v => v["reported"]?["status"]?.GetValue<string>() == "local" && v["reported"]?["school_file"] is not null, "config", "show", "--county", _county, "--school", school);
        }

        // One school: pull (the reported file, base 0), edit, push, confirmed, polled at the new interval.
        var school0 = Schools[0];
        var file = Path.Combine(_root, "school.yaml");
        var pulled = await _fleetctl.JsonAsync("config", "pull", "--county", _county, "--school", school0, "--out", file);
        Assert.Equal(0, pulled["base_version"]!.GetValue<long>());
        Assert.Equal("reported", pulled["source"]!.GetValue<string>());
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("interval: 30s", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace("interval: 30s", "interval: 2s", StringComparison.Ordinal));
        var pushed = await _fleetctl.JsonAsync("config", "push", "--county", _county, "--school", school0, "--file", file, "--base", "0");
        Assert.Equal(1, pushed["version"]!.GetValue<long>());
        var confirmed = await _fleetctl.WaitForAsync(v => v["reported"]?["status"]?.GetValue<string>() == "confirmed", "config", "show", "--county", _county, "--school", school0);
        Assert.Equal(1, confirmed["reported"]!["version"]!.GetValue<long>());
        Assert.Equal(1, confirmed["desired"]!["version"]!.GetValue<long>());
        await WaitForPollsAtAsync(_pollers[0], "2s", TimeSpan.FromSeconds(2));

        // A command the agent carries out: queued → delivered → succeeded.
        var sent = await _fleetctl.JsonAsync("command", "send", "--county", _county, "--school", school0, "--type", "repoll", "--device", OneSwitchSchool.Device);
        var command = await _fleetctl.WaitForAsync(c => c["state"]!.GetValue<string>() is "succeeded" or "failed" or "expired" or "unsupported", "command", "status", "--id", sent["id"]!.GetValue<string>());
        Assert.Equal("succeeded", command["state"]!.GetValue<string>());

        // The county, in waves of one school, then half, then the rest; every school ends succeeded (none skipped).
        var started = await _fleetctl.JsonAsync("rollout", "start", "--county", _county, "--kind", "switch", "--interval", "3s", "--waves", "1,50%,100%", "--threshold", "0.1");
        var id = started["id"]!.GetValue<string>();
        var done = await _fleetctl.WaitForAsync(r => r["state"]!.GetValue<string>() != "running", "rollout", "status", "--id", id);
        Assert.Equal("completed", done["state"]!.GetValue<string>());
        Assert.Equal("3 of 3 schools succeeded, 0 skipped (no school file known), 0 failed", done["reason"]!.GetValue<string>());
        var schools = done["schools"]!.AsArray().Select(s => s!).ToList();
        Assert.Equal(Schools, schools.Select(s => s["school"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2], schools.Select(s => s["wave"]!.GetValue<int>()).Order());
        Assert.All(schools, s => Assert.Equal("succeeded", s["status"]!.GetValue<string>()));
        for (var i = 0; i < Schools.Count; i++)
        {
            var shown = await _fleetctl.JsonAsync("config", "show", "--county", _county, "--school", Schools[i]);
            var expected = i == 0 ? 2 : 1; // the first school had version 1 already; the others start from their reported file
            Assert.Equal(expected, shown["desired"]!["version"]!.GetValue<long>());
            Assert.Equal("confirmed", shown["reported"]!["status"]!.GetValue<string>());
            Assert.Equal(expected, shown["reported"]!["version"]!.GetValue<long>());
            await WaitForPollsAtAsync(_pollers[i], "3s", TimeSpan.FromSeconds(3));
        }

        var pushes = await _fleetctl.JsonAsync("audit-log", "--action", "config.push");
        Assert.Equal(4, pushes.AsArray().Count); // the technician's push and the rollout's three
    }

    /// <summary>
    /// Waits for three polls of the switch at <paramref name="interval"/> in the school file in force, and checks they
    /// are spaced by the interval (less the 10 % jitter and some slack): the scheduler runs on the new plan, not the old.
    /// </summary>
    private static async Task WaitForPollsAtAsync(RecordingSwitchPoller poller, string interval, TimeSpan period)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (poller.Polls.Count(p => p.Interval == interval) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than 3 polls at {interval}: {string.Join(", ", poller.Polls.Select(p => p.Interval))}");
            await Task.Delay(200);
        }

        var at = poller.Polls.Where(p => p.Interval == interval).Select(p => p.At).ToList();
        for (var i = 1; i < at.Count; i++)
        {
            var gap = Stopwatch.GetElapsedTime(at[i - 1], at[i]);
            Assert.True(gap >= period * 0.75, $"polls at {interval} only {gap.TotalMilliseconds:F0} ms apart");
        }
    }

    private async Task ClearRetainedAsync()
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        await using var client = new MqttTransport(new MqttTransportOptions { Host = host, Port = port, ClientId = "e2e-rc-clear-" + _county, CleanStart = true, SessionExpiry = TimeSpan.Zero }, NullLogger<MqttTransport>.Instance);
        await client.StartAsync();
        using (var connected = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await client.WaitConnectedAsync(connected.Token);
        }

        foreach (var school in Schools)
        {
            foreach (var topic in new[] { Topics.ConfigDesired(_county, school), Topics.ConfigReported(_county, school), Topics.Inventory(_county, school), Topics.Status(_county, school) })
            {
                await client.PublishAsync(new OutgoingMessage(topic, ReadOnlyMemory<byte>.Empty, Retain: true));
            }
        }
    }
}
