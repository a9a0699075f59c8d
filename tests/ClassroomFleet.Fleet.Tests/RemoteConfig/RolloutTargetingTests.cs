using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClassroomFleet.Contracts.Messages;
using static ClassroomFleet.Fleet.Tests.RemoteConfig.RolloutSteps;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>
/// Rollout targets (a list of schools, a tag), percentage waves, a threshold above zero, and the schools without a
/// desired document (their agent's reported file is the base; with none known they are skipped and counted apart).
/// The real fleet host over the real mosquitto; the agents' reports are published by the test.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class RolloutTargetingTests
{
    [Fact]
    public async Task A_List_Of_Schools_Targets_Those_Schools_Only()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 4);
        try
        {
            await PushEveryoneAsync(fleet);
            using var client = fleet.Client(RemoteConfigFleet.Technician);
            string[] chosen = [fleet.Schools[1], fleet.Schools[3]];

            var id = await StartAsync(client, Request(fleet, ["100%"], 0.0, schools: chosen));

            var pushed = await WaitForAsync(client, id, r => Schools(r, "pushed").Count() == 2);
            Assert.Equal(chosen, Schools(pushed).Select(Code).Order(StringComparer.Ordinal));
            Assert.All(Schools(pushed), s => Assert.Equal(2, s["version"]!.GetValue<long>()));
            foreach (var untouched in new[] { fleet.Schools[0], fleet.Schools[2] })
            {
                using var shown = await client.GetAsync($"/api/v1/config/{fleet.County}/{untouched}");
                Assert.Equal("\"1\"", shown.Headers.ETag!.Tag);
            }

            foreach (var school in Schools(pushed))
            {
                await ReportAsync(fleet, school, ConfigStatus.Confirmed);
            }

            var done = await WaitForAsync(client, id, r => r["state"]!.GetValue<string>() == "completed");
            Assert.Equal("2 of 2 schools succeeded, 0 skipped (no school file known), 0 failed", done["reason"]!.GetValue<string>());
        }
        finally
        {
            await ClearRetainedAsync(fleet);
        }
    }

    [Fact]
    public async Task A_Tag_Targets_The_Tagged_Schools_And_An_Unknown_School_In_The_List_Is_Refused()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 3);
        try
        {
            await PushEveryoneAsync(fleet);
            using var client = fleet.Client(RemoteConfigFleet.Technician);
            await TagAsync(client, fleet, fleet.Schools[0], "hills");
            await TagAsync(client, fleet, fleet.Schools[1], "plain");
            await TagAsync(client, fleet, fleet.Schools[2], "hills", "west");

            var id = await StartAsync(client, Request(fleet, ["100%"], 0.0, tag: "hills"));

            var pushed = await WaitForAsync(client, id, r => Schools(r, "pushed").Count() == 2);
            Assert.Equal([fleet.Schools[0], fleet.Schools[2]], Schools(pushed).Select(Code).Order(StringComparer.Ordinal));

            using var unknown = await client.PostAsJsonAsync("/api/v1/rollouts", Request(fleet, ["100%"], 0.0, schools: [fleet.OtherSchool]));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Contains(fleet.OtherSchool, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ClearRetainedAsync(fleet);
        }
    }

    [Fact]
    public async Task Waves_Of_One_School_Then_Ten_Percent_Then_The_Rest_Over_Twelve_Schools_Go_One_After_Another()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 12);
        try
        {
            await PushEveryoneAsync(fleet);
            using var client = fleet.Client(RemoteConfigFleet.Technician);

            var id = await StartAsync(client, Request(fleet, ["1", "10%", "100%"], 0.0));

            // 10 % of 12 rounds up to 2 schools by the end of the second wave: waves of 1, 1 and 10.
            var first = await WaitForAsync(client, id, r => Schools(r, "pushed").Any());
            Assert.Equal([1, 1, 10], Schools(first).GroupBy(s => s["wave"]!.GetValue<int>()).OrderBy(g => g.Key).Select(g => g.Count()));
            foreach (var (wave, size) in new[] { (0, 1), (1, 1), (2, 10) })
            {
                var now = await WaitForAsync(client, id, r => r["current_wave"]!.GetValue<int>() == wave && Schools(r, "pushed").Count() == size);
                Assert.All(Schools(now).Where(s => s["wave"]!.GetValue<int>() > wave), s => Assert.Equal("waiting", Status(s)));
                foreach (var school in Schools(now, "pushed"))
                {
                    Assert.Equal(wave, school["wave"]!.GetValue<int>());
                    await ReportAsync(fleet, school, ConfigStatus.Confirmed);
                }
            }

            var done = await WaitForAsync(client, id, r => r["state"]!.GetValue<string>() == "completed");
            Assert.All(Schools(done), s => Assert.Equal("succeeded", Status(s)));
            Assert.Equal("12 of 12 schools succeeded, 0 skipped (no school file known), 0 failed", done["reason"]!.GetValue<string>());
        }
        finally
        {
            await ClearRetainedAsync(fleet);
        }
    }

    [Fact]
    public async Task A_Threshold_Of_A_Quarter_Halts_Only_When_The_Failed_Share_Exceeds_It()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 8);
        try
        {
            await PushEveryoneAsync(fleet);
            using var client = fleet.Client(RemoteConfigFleet.Technician);

            var id = await StartAsync(client, Request(fleet, ["4", "100%"], 0.25));

            // Wave 1: one of four fails (25 %, not above the threshold): the rollout goes on.
            var first = Schools(await WaitForAsync(client, id, r => Schools(r, "pushed").Count() == 4)).Where(s => Status(s) == "pushed").ToList();
            await ReportAsync(fleet, first[0], ConfigStatus.RefusedInvalid);
            foreach (var school in first.Skip(1))
            {
                await ReportAsync(fleet, school, ConfigStatus.Confirmed);
            }

            // Wave 2: a second failure is 2 of 8 (25 %): still running; a third is 3 of 8: halted.
            var second = Schools(await WaitForAsync(client, id, r => r["current_wave"]!.GetValue<int>() == 1 && Schools(r, "pushed").Count() == 4), "pushed").ToList();
            await ReportAsync(fleet, second[0], ConfigStatus.RolledBack);
            var atQuarter = await WaitForAsync(client, id, r => Schools(r, "failed").Count() == 2);
            Assert.Equal("running", atQuarter["state"]!.GetValue<string>());
            await ReportAsync(fleet, second[1], ConfigStatus.RefusedInvalid);

            var halted = await WaitForAsync(client, id, r => r["state"]!.GetValue<string>() == "halted");
            Assert.Equal("3 of 8 schools failed, above the error threshold 25%", halted["reason"]!.GetValue<string>().Replace(" %", "%", StringComparison.Ordinal));
            Assert.Equal(3, Schools(halted, "succeeded").Count());
            Assert.Equal(2, Schools(halted, "pushed").Count());
        }
        finally
        {
            await ClearRetainedAsync(fleet);
        }
    }

    [Fact]
    public async Task A_School_Never_Pushed_To_Is_Patched_From_Its_Agents_Reported_File_And_One_With_No_File_Known_Is_Skipped_And_Counted_Apart()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 3);
        try
        {
            using var client = fleet.Client(RemoteConfigFleet.Technician);
            using (var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, fleet.Schools[0], 0))
            {
                Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
            }

            // School 1's agent reports its local file; school 2's report carries a file that is not the one it hashes.
            var local = RemoteConfigFleet.SchoolYaml(fleet.County, fleet.Schools[1]);
            await ReportAsync(fleet, fleet.Schools[1], LocalReport(fleet, fleet.Schools[1], local, Sha256(local)));
            await ReportAsync(fleet, fleet.Schools[2], LocalReport(fleet, fleet.Schools[2], RemoteConfigFleet.SchoolYaml(fleet.County, fleet.Schools[2]), Sha256("something else")));
            var reported = await WaitForConfigAsync(client, fleet, fleet.Schools[1], v => v["reported"] is JsonObject);
            Assert.Null(reported.Desired);
            Assert.Equal("\"0\"", reported.ETag);
            Assert.Equal(local, reported.View["reported"]!["school_file"]!.GetValue<string>());
            var mismatched = await WaitForConfigAsync(client, fleet, fleet.Schools[2], v => v["reported"] is JsonObject);
            Assert.Null(mismatched.View["reported"]!["school_file"]);

            var id = await StartAsync(client, Request(fleet, ["100%"], 0.0));

            var running = await WaitForAsync(client, id, r => Schools(r, "pushed").Count() == 2);
            var byCode = Schools(running).ToDictionary(Code);
            Assert.Equal(2, byCode[fleet.Schools[0]]["version"]!.GetValue<long>());
            Assert.Equal(1, byCode[fleet.Schools[1]]["version"]!.GetValue<long>());
            Assert.Equal("skipped", Status(byCode[fleet.Schools[2]]));
            var first = await WaitForConfigAsync(client, fleet, fleet.Schools[1], v => v["desired"] is JsonObject);
            Assert.Contains("interval: 60s", first.Desired!["school_file"]!.GetValue<string>(), StringComparison.Ordinal);
            foreach (var school in Schools(running, "pushed"))
            {
                await ReportAsync(fleet, school, ConfigStatus.Confirmed);
            }

            var done = await WaitForAsync(client, id, r => r["state"]!.GetValue<string>() == "completed");
            Assert.Equal("2 of 3 schools succeeded, 1 skipped (no school file known), 0 failed", done["reason"]!.GetValue<string>());
        }
        finally
        {
            await ClearRetainedAsync(fleet);
        }
    }

    private static JsonObject Request(RemoteConfigFleet fleet, string[] waves, double threshold, string[]? schools = null, string? tag = null)
    {
        var body = new JsonObject
        {
            ["county"] = fleet.County,
            ["patch"] = new JsonObject { ["kind"] = "switch", ["interval"] = "60s" },
            ["waves"] = new JsonArray(waves.Select(w => (JsonNode?)w).ToArray()),
            ["error_threshold"] = threshold,
        };
        if (schools is not null)
        {
            body["schools"] = new JsonArray(schools.Select(s => (JsonNode?)s).ToArray());
        }

        if (tag is not null)
        {
            body["tag"] = tag;
        }

        return body;
    }

    private static async Task PushEveryoneAsync(RemoteConfigFleet fleet)
    {
        foreach (var school in fleet.Schools)
        {
            using var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0);
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }
    }

    private static async Task TagAsync(HttpClient client, RemoteConfigFleet fleet, string school, params string[] tags)
    {
        using var response = await client.PutAsJsonAsync($"/api/v1/config/{fleet.County}/{school}/tags", new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray()) });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static ConfigReported LocalReport(RemoteConfigFleet fleet, string school, string file, string sha) => new()
    {
        Agent = "gw-" + school,
        County = fleet.County,
        School = school,
        Version = 0,
        AttemptedVersion = 0,
        Status = ConfigStatus.Local,
        Sha256 = sha,
        SchoolFile = file,
        Time = DateTimeOffset.UtcNow,
    };

    private static async Task<(JsonObject View, JsonObject? Desired, string ETag)> WaitForConfigAsync(HttpClient client, RemoteConfigFleet fleet, string school, Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/config/{fleet.County}/{school}");
            var view = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (match(view))
            {
                return (view, view["desired"] as JsonObject, response.Headers.ETag!.Tag);
            }

            Assert.True(DateTime.UtcNow < deadline, $"the school's configuration never matched: {view.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
