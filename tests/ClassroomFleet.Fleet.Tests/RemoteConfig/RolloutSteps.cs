using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>What the rollout tests do through the API, and the agents' reports they publish over the real broker.</summary>
internal static class RolloutSteps
{
    public static async Task<string> StartAsync(HttpClient client, JsonObject body)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/rollouts", body);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> WaitForAsync(HttpClient client, string rollout, Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var view = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/rollouts/{rollout}"))!;
            if (match(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"rollout never matched: {view.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public static IEnumerable<JsonNode> Schools(JsonObject rollout, string? status = null) =>
        rollout["schools"]!.AsArray().Select(s => s!).Where(s => status is null || Status(s) == status);

    public static string Status(JsonNode school) => school["status"]!.GetValue<string>();

    public static string Code(JsonNode school) => school["school"]!.GetValue<string>();

    /// <summary>Publishes what the school's agent would report about the version the rollout pushed to it.</summary>
    public static Task ReportAsync(RemoteConfigFleet fleet, JsonNode school, string status) =>
        ReportAsync(fleet, Code(school), new ConfigReported
        {
            Agent = "gw-" + Code(school),
            County = fleet.County,
            School = Code(school),
            Version = status == ConfigStatus.Confirmed ? school["version"]!.GetValue<long>() : 0,
            AttemptedVersion = school["version"]!.GetValue<long>(),
            Status = status,
            Reason = status == ConfigStatus.Confirmed ? null : "devices[0].address: bad",
            Time = DateTimeOffset.UtcNow,
        });

    public static async Task ReportAsync(RemoteConfigFleet fleet, string school, ConfigReported report)
    {
        var result = await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigReported(fleet.County, school), ContractSerializer.Serialize(report, ContractJsonContext.Default.ConfigReported), MessageQos.AtLeastOnce, Retain: true));
        Assert.True(result.Accepted, result.ReasonText);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Clears the retained config topics the test left on the shared broker.</summary>
    public static async Task ClearRetainedAsync(RemoteConfigFleet fleet)
    {
        foreach (var school in fleet.Schools)
        {
            await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigReported(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
            await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
        }
    }
}
