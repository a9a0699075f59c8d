using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.EndToEnd.Tests.RemoteConfig;

/// <summary>
/// The real fleet and the real agent over the real mosquitto: a technician's push through the API is applied and
/// confirmed; a push that points the agent at a broker it cannot reach is undone by the agent itself and the fleet
/// shows <c>rolled_back</c> with the reason.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the hosts and the client through IAsyncLifetime.DisposeAsync")]
public sealed class FleetToAgentRemoteConfigTests : IAsyncLifetime
{
    private const string Token = "cft_e2e-technician";
    private const string County = "410323";
    private readonly string _school = "41032" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _root = Directory.CreateTempSubdirectory("cf-e2e-rc-").FullName;
    private WebApplication _fleet = null!;
    private IHost _agent = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        var (mqttHost, mqttPort) = ServiceEndpoints.Mqtt;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fleet-e2e-rc-" + _school,
            ["Mqtt:CleanStart"] = "true",
            ["Fleet:SharedGroup"] = "e2e-rc-" + _school,
            ["Fleet:DataDirectory"] = Path.Combine(_root, "fleet"),
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = "cf_e2e_rc",
            ["RemoteConfig:ConfirmTimeoutSeconds"] = "4",
            ["Auth:Tokens:0:Name"] = "tech-wang",
            ["Auth:Tokens:0:Sha256"] = ApiTokens.Hash(Token),
            ["Auth:Tokens:0:Role"] = nameof(ApiRole.Technician),
            ["Auth:Tokens:0:County"] = County,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleet();
        _fleet = builder.Build();
        _fleet.MapFleet();
        await _fleet.StartAsync();
        var url = _fleet.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _api = new HttpClient { BaseAddress = new Uri(url) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        // The agent pins the public key the fleet serves.
        var keyFile = Path.Combine(_root, "fleet.pub.pem");
        await File.WriteAllTextAsync(keyFile, await _api.GetStringAsync("/api/v1/config/signing-key"));
        var schoolFile = Path.Combine(_root, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, SchoolYaml("local"));
        var agent = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        agent.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = schoolFile,
            ["Agent:AgentId"] = "gw-" + _school,
            ["Agent:StateDirectory"] = Path.Combine(_root, "agent"),
            ["Agent:HealthEndpoint"] = "",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "agent-e2e-rc-" + _school,
            ["Mqtt:ReconnectMinDelay"] = "00:00:00.100",
            ["Mqtt:ReconnectMaxDelay"] = "00:00:01",
            ["Mqtt:CommunicationTimeout"] = "00:00:02",
            ["RemoteConfig:FleetPublicKeyFile"] = keyFile,
        });
        agent.AddAgent();
        agent.Services.RemoveAll<IDevicePoller>();
        _agent = agent.Build();
        await _agent.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _agent.StopAsync();
        _agent.Dispose();
        await _fleet.StopAsync();
        await _fleet.DisposeAsync();
        _api.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_Push_Is_Confirmed_And_A_Push_To_A_Wrong_Broker_Is_Rolled_Back_By_The_Agent_And_Shown_By_The_Fleet()
    {
        using (var first = await PushAsync(0, SchoolYaml("pushed-1"), null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var confirmed = await WaitForReportAsync(r => r["status"]!.GetValue<string>() == "confirmed");
        Assert.Equal(1, confirmed["version"]!.GetValue<long>());

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using (var bad = await PushAsync(1, SchoolYaml("pushed-2"), new JsonObject { ["mqtt_host"] = "127.0.0.1", ["mqtt_port"] = closed }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        var rolledBack = await WaitForReportAsync(r => r["status"]!.GetValue<string>() == "rolled_back");
        Assert.Equal(2, rolledBack["attempted_version"]!.GetValue<long>());
        Assert.Equal(1, rolledBack["version"]!.GetValue<long>());
        Assert.Contains("no confirmation", rolledBack["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PushAsync(long baseVersion, string yaml, JsonObject? agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/config/{County}/{_school}")
        {
            Content = JsonContent.Create(new JsonObject { ["school_file"] = yaml, ["agent"] = agent }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{baseVersion}\""));
        return await _api.SendAsync(request);
    }

    private async Task<JsonNode> WaitForReportAsync(Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var view = await _api.GetFromJsonAsync<JsonObject>($"/api/v1/config/{County}/{_school}");
            if (view?["reported"] is { } reported && match(reported))
            {
                return reported;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the fleet never showed the report: {view?.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private string SchoolYaml(string name) => OneSwitchSchool.Yaml(County, _school, name, address: "127.0.0.1:11611");
}
