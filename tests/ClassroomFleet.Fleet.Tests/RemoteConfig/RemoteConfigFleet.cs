using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Tests.Registry;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>
/// A fleet of its own (the real host, real mosquitto) for one remote-configuration test: a fresh county with
/// <paramref name="schools"/> schools in the registry, another county with one, tokens per role, a fast rollout tick,
/// and an MQTT client that plays the schools' agents.
/// </summary>
internal sealed class RemoteConfigFleet : IAsyncDisposable
{
    public const string Admin = "cft_rc-admin";
    public const string Technician = "cft_rc-tech";
    public const string OtherTechnician = "cft_rc-tech-2";
    public const string Auditor = "cft_rc-auditor";

    private RemoteConfigFleet(RegistryFleetHost host, string county, IReadOnlyList<string> schools, string otherCounty, string otherSchool, MqttTransport agents)
    {
        Host = host;
        County = county;
        Schools = schools;
        OtherCounty = otherCounty;
        OtherSchool = otherSchool;
        Agents = agents;
    }

    public RegistryFleetHost Host { get; }

    public string County { get; }

    public IReadOnlyList<string> Schools { get; }

    public string OtherCounty { get; }

    public string OtherSchool { get; }

    /// <summary>An MQTT client on the same broker that stands in for the agents.</summary>
    public MqttTransport Agents { get; }

    public static async Task<RemoteConfigFleet> StartAsync(int schools = 1, IDictionary<string, string?>? extra = null)
    {
        var county = RegistryTestData.NewCounty();
        var otherCounty = RegistryTestData.NewCounty();
        var settings = new Dictionary<string, string?>
        {
            ["RemoteConfig:RolloutTick"] = "00:00:00.200",
            ["RemoteConfig:WaveTimeout"] = "00:05:00",
        };
        AddToken(settings, 0, "admin-li", Admin, ApiRole.Admin, county);
        AddToken(settings, 1, "tech-wang", Technician, ApiRole.Technician, county);
        AddToken(settings, 2, "tech-zhao", OtherTechnician, ApiRole.Technician, county);
        AddToken(settings, 3, "auditor-chen", Auditor, ApiRole.Auditor, county);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await RegistryFleetHost.StartAsync(settings);
        var store = host.Services.GetRequiredService<RegistryStore>();
        var codes = new List<string>();
        for (var i = 0; i < schools; i++)
        {
            var code = county + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            codes.Add(code);
            await store.ApplyInventoryAsync(RegistryTestData.Inventory(county, code), DateTimeOffset.UtcNow);
        }

        var otherSchool = RegistryTestData.NewSchool(otherCounty);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(otherCounty, otherSchool), DateTimeOffset.UtcNow);
        // The agents' stand-in joins the fleet's broker: the shared one, or a private one the settings name.
        var (mqttHost, mqttPort) = settings.TryGetValue("Mqtt:Port", out var port) && port is not null
            ? (settings["Mqtt:Host"] ?? "127.0.0.1", int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
            : ServiceEndpoints.Mqtt;
        var agents = new MqttTransport(new MqttTransportOptions { Host = mqttHost, Port = mqttPort, ClientId = "rc-agents-" + county, CleanStart = true, SessionExpiry = TimeSpan.Zero }, NullLogger<MqttTransport>.Instance);
        await agents.StartAsync();
        using (var connected = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await agents.WaitConnectedAsync(connected.Token);
        }

        return new RemoteConfigFleet(host, county, codes, otherCounty, otherSchool, agents);
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string SchoolYaml(string county, string school, string interval = "30s") => OneSwitchSchool.Yaml(county, school, interval: interval);

    /// <summary>PUT a school file with If-Match; returns the response.</summary>
    public async Task<HttpResponseMessage> PushAsync(string token, string school, long baseVersion, string? yaml = null, string? county = null)
    {
        using var client = Client(token);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/config/{county ?? County}/{school}")
        {
            Content = JsonContent.Create(new JsonObject { ["school_file"] = yaml ?? SchoolYaml(county ?? County, school) }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{baseVersion}\""));
        return await client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Agents.DisposeAsync();
        await Host.DisposeAsync();
    }

    private static void AddToken(Dictionary<string, string?> settings, int index, string name, string token, ApiRole role, string? county)
    {
        settings[$"Auth:Tokens:{index}:Name"] = name;
        settings[$"Auth:Tokens:{index}:Sha256"] = ApiTokens.Hash(token);
        settings[$"Auth:Tokens:{index}:Role"] = role.ToString();
        settings[$"Auth:Tokens:{index}:County"] = county;
    }
}
