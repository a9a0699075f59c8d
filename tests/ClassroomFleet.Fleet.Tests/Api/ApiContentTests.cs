using System.Text.Json;

namespace ClassroomFleet.Fleet.Tests.Api;

/// <summary>What the API answers, from the registry and the real influxd, and the OpenAPI document.</summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class ApiContentTests(ApiFleetFixture fleet)
{
    [Fact]
    public async Task Devices_Carry_The_Last_Device_Point_From_InfluxDB()
    {
        using var client = fleet.Client(ApiFleetFixture.AuditorOwn);

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}/devices", UriKind.Relative)));

        var devices = doc.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        var core = devices["sw-core-1"].GetProperty("health");
        Assert.False(core.GetProperty("up").GetBoolean());
        Assert.Equal(3000, core.GetProperty("pollMs").GetDouble());
        Assert.Equal("timeout", core.GetProperty("error").GetString());
        Assert.True(devices["sw-core-1"].GetProperty("lastSeen").ValueKind == JsonValueKind.String);
        var panel = devices["panel-101"].GetProperty("health");
        Assert.True(panel.GetProperty("up").GetBoolean());
        Assert.Equal(JsonValueKind.Null, panel.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Uplink_Gives_The_Last_Sample_And_The_Mean_And_Peak_Of_The_Window()
    {
        using var client = fleet.Client(ApiFleetFixture.TechnicianOwn);

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}/uplink?minutes=30", UriKind.Relative)));

        Assert.Equal(30, doc.RootElement.GetProperty("windowMinutes").GetInt32());
        var port = Assert.Single(doc.RootElement.GetProperty("interfaces").EnumerateArray());
        Assert.Equal("Gi1/0/49", port.GetProperty("interface").GetString());
        Assert.Equal(300e6, port.GetProperty("inBpsLast").GetDouble());
        Assert.Equal(200e6, port.GetProperty("inBpsMean").GetDouble());
        Assert.Equal(300e6, port.GetProperty("inBpsMax").GetDouble());
        Assert.Equal(30e6, port.GetProperty("outBpsMean").GetDouble());
        Assert.Equal(1000, port.GetProperty("capacityMbps").GetDouble());
    }

    [Fact]
    public async Task A_Window_Out_Of_Range_Is_A_400_Saying_So()
    {
        using var client = fleet.Client(ApiFleetFixture.AuditorOwn);

        using var response = await client.GetAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}/uplink?minutes=0", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task School_And_Agents_Show_Facts_And_Status()
    {
        using var client = fleet.Client(ApiFleetFixture.AuditorOwn);

        using var school = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}", UriKind.Relative)));
        using var agents = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/counties/{fleet.OwnCounty}/agents", UriKind.Relative)));

        Assert.Equal(540, school.RootElement.GetProperty("students").GetProperty("count").GetInt32());
        Assert.Equal(2, school.RootElement.GetProperty("rooms").GetArrayLength());
        var agent = Assert.Single(agents.RootElement.EnumerateArray());
        Assert.True(agent.GetProperty("online").GetBoolean());
        Assert.Equal(5, agent.GetProperty("outboxDepth").GetInt64());
        Assert.Equal("1.4.2", agent.GetProperty("version").GetString());
    }

    [Fact]
    public async Task The_OpenApi_Document_Is_Served_And_Lists_Every_Endpoint_With_The_Bearer_Scheme()
    {
        using var client = fleet.Client(null);

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/v1/counties", "/api/v1/counties/{county}/schools", "/api/v1/counties/{county}/agents", "/api/v1/schools/{school}",
            "/api/v1/schools/{school}/devices", "/api/v1/schools/{school}/uplink", "/api/v1/schools/{school}/agents",
            "/api/v1/tokens", "/api/v1/tokens/{id}",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.Equal("http", doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
    }
}
