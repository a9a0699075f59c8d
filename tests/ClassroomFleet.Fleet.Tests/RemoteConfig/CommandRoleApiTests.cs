using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>POST /api/v1/commands per role on the real fleet host: what the command table allows is queued, the rest is 403 and audited.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class CommandRoleApiTests
{
    [Fact]
    public async Task An_Admin_May_Force_A_Power_Cycle_A_Technician_Only_Within_The_Interlock()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        using var admin = fleet.Client(RemoteConfigFleet.Admin);
        using var technician = fleet.Client(RemoteConfigFleet.Technician);

        using var forcedByAdmin = await SendAsync(admin, fleet, "power_cycle", force: true);
        using var forcedByTechnician = await SendAsync(technician, fleet, "power_cycle", force: true);
        using var unforcedByTechnician = await SendAsync(technician, fleet, "power_cycle", force: false);
        using var panelByTechnician = await SendAsync(technician, fleet, "pjlink_power_off", force: false);

        Assert.Equal(HttpStatusCode.Accepted, forcedByAdmin.StatusCode);
        var queued = (await forcedByAdmin.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("queued", queued["state"]!.GetValue<string>());
        Assert.Equal("admin-li", queued["issued_by"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, forcedByTechnician.StatusCode);
        Assert.Contains("only an admin may force", await forcedByTechnician.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, unforcedByTechnician.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, panelByTechnician.StatusCode);

        var refusals = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/audit-log?action=command.send"))!
            .Where(e => e!["result"]!.GetValue<string>() == "forbidden").ToList();
        Assert.Equal("tech-wang", Assert.Single(refusals)!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Auditor_Sends_Nothing()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        using var auditor = fleet.Client(RemoteConfigFleet.Auditor);

        using var response = await SendAsync(auditor, fleet, "repoll", force: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RemoteConfigFleet fleet, string type, bool force)
    {
        var body = new JsonObject { ["county"] = fleet.County, ["school"] = fleet.Schools[0], ["type"] = type, ["device"] = "sw-core-1" };
        if (force)
        {
            body["args"] = new JsonObject { ["force"] = "true" };
        }

        return client.PostAsJsonAsync("/api/v1/commands", body);
    }
}
