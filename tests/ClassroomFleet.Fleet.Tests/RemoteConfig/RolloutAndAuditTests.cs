using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.RemoteConfig;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>Rollouts, commands and the audit log on the real fleet host; the agents' answers travel over the real mosquitto.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class RolloutAndAuditTests
{
    [Fact]
    public async Task A_Rollout_Halts_When_Its_First_Wave_Fails_Above_The_Threshold_And_Later_Waves_Are_Not_Pushed()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 4);
        foreach (var school in fleet.Schools)
        {
            using var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0);
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        using var client = fleet.Client(RemoteConfigFleet.Technician);
        using var created = await client.PostAsJsonAsync("/api/v1/rollouts", new JsonObject
        {
            ["county"] = fleet.County,
            ["patch"] = new JsonObject { ["kind"] = "switch", ["interval"] = "60s" },
            ["waves"] = new JsonArray("1", "100%"),
            ["error_threshold"] = 0.0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var first = await RolloutSteps.WaitForAsync(client, id, r => r["schools"]!.AsArray().Any(s => s!["status"]!.GetValue<string>() == "pushed"));
        var pushedSchool = first["schools"]!.AsArray().Single(s => s!["status"]!.GetValue<string>() == "pushed")!;

        // The first school's agent refuses version 2 (as an agent reports it, retained on config/reported).
        await ReportAsync(fleet, pushedSchool["school"]!.GetValue<string>(), pushedSchool["version"]!.GetValue<long>(), ConfigStatus.RefusedInvalid, "devices[0].address: bad");

        var halted = await RolloutSteps.WaitForAsync(client, id, r => r["state"]!.GetValue<string>() == "halted");
        Assert.Contains("above the error threshold", halted["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var statuses = halted["schools"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(1, statuses.Count(s => s == "failed"));
        Assert.Equal(3, statuses.Count(s => s == "waiting"));
        using var stillOne = await client.GetAsync($"/api/v1/config/{fleet.County}/{fleet.Schools.First(s => s != pushedSchool["school"]!.GetValue<string>())}");
        Assert.Equal("\"1\"", stillOne.Headers.ETag!.Tag);
        foreach (var school in fleet.Schools)
        {
            await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigReported(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
            await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
        }
    }

    [Fact]
    public async Task A_Halted_Rollout_Is_In_Its_Countys_Audit_Log_And_Not_In_Another_Countys()
    {
        const string Stranger = "cft_rc-tech-stranger";
        var extra = new Dictionary<string, string?>
        {
            ["Auth:Tokens:4:Name"] = "tech-stranger",
            ["Auth:Tokens:4:Sha256"] = ApiTokens.Hash(Stranger),
            ["Auth:Tokens:4:Role"] = nameof(ApiRole.Technician),
            ["Auth:Tokens:4:County"] = Registry.RegistryTestData.NewCounty(),
        };
        await using var fleet = await RemoteConfigFleet.StartAsync(schools: 2, extra);
        foreach (var school in fleet.Schools)
        {
            using var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0);
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        using var client = fleet.Client(RemoteConfigFleet.Technician);
        using var created = await client.PostAsJsonAsync("/api/v1/rollouts", new JsonObject
        {
            ["county"] = fleet.County,
            ["patch"] = new JsonObject { ["kind"] = "switch", ["interval"] = "60s" },
            ["waves"] = new JsonArray("1", "100%"),
            ["error_threshold"] = 1.0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var halted = await client.PostAsync(new Uri($"/api/v1/rollouts/{id}/halt", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, halted.StatusCode);

        // The halt entry's target is the rollout id, not a county: the county still finds it, another county does not.
        using var auditor = fleet.Client(RemoteConfigFleet.Auditor);
        var own = (await auditor.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/audit-log?action=rollout.halt", UriKind.Relative)))!;
        var entry = Assert.Single(own, e => e!["target"]!.GetValue<string>() == id)!;
        Assert.Equal("tech-wang", entry["actor"]!.GetValue<string>());
        using var stranger = fleet.Client(Stranger);
        var theirs = (await stranger.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/audit-log?action=rollout.halt", UriKind.Relative)))!;
        Assert.DoesNotContain(theirs, e => e!["target"]!.GetValue<string>() == id);

        foreach (var school in fleet.Schools)
        {
            await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
        }
    }

    [Fact]
    public async Task A_Command_Goes_Queued_Delivered_Succeeded_And_An_Unanswered_One_Expires()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        var school = fleet.Schools[0];

        // The stand-in agent answers every command: delivered, then succeeded.
        await fleet.Agents.SubscribeAsync(Topics.Command(fleet.County, school, "+"), MessageQos.AtLeastOnce, async (m, ct) =>
        {
            var command = ContractSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.CommandMessage, c => c.Schema);
            if (command.Type != CommandTypes.Repoll)
            {
                return;
            }

            foreach (var state in new[] { CommandState.Delivered, CommandState.Succeeded })
            {
                var result = new CommandResult { Id = command.Id, Agent = "gw-" + school, State = state, Time = DateTimeOffset.UtcNow };
                await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.CommandResult(fleet.County, school, command.Id), ContractSerializer.Serialize(result, ContractJsonContext.Default.CommandResult)), ct);
            }
        });
        using var client = fleet.Client(RemoteConfigFleet.Technician);

        using var sent = await client.PostAsJsonAsync("/api/v1/commands", new JsonObject { ["county"] = fleet.County, ["school"] = school, ["type"] = "repoll", ["device"] = "sw-core-1" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var done = await WaitForCommandAsync(client, id, "succeeded");
        Assert.Equal("tech-wang", done["issued_by"]!.GetValue<string>());

        using var unanswered = await client.PostAsJsonAsync("/api/v1/commands", new JsonObject { ["county"] = fleet.County, ["school"] = school, ["type"] = "probe_bandwidth", ["expires_in_s"] = 1 });
        var lonely = (await unanswered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonObject>($"/api/v1/commands/{lonely}"))!["state"]!.GetValue<string>());
        await WaitForCommandAsync(client, lonely, "expired");
    }

    [Theory]
    [InlineData(RemoteConfigFleet.Auditor, "probe_bandwidth", null)]
    [InlineData(RemoteConfigFleet.Technician, "power_cycle", "true")]
    [InlineData(RemoteConfigFleet.Admin, "config_confirm", null)]
    public async Task Commands_Are_Allowed_Per_Role(string token, string type, string? force)
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        using var client = fleet.Client(token);
        var body = new JsonObject { ["county"] = fleet.County, ["school"] = fleet.Schools[0], ["type"] = type, ["device"] = "sw-core-1" };
        if (force is not null)
        {
            body["args"] = new JsonObject { ["force"] = force };
        }

        using var response = await client.PostAsJsonAsync("/api/v1/commands", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_Audit_Log_Detects_A_One_Byte_Edit_In_The_Database_File()
    {
        var folder = Directory.CreateTempSubdirectory("cf-audit-").FullName;
        try
        {
            var database = new ConfigDatabase(Path.Combine(folder, "config.db"));
            await database.MigrateAsync(default);
            using var audit = new AuditLog(database, TimeProvider.System, NullLogger<AuditLog>.Instance);
            await audit.AppendAsync("tech-wang", "config.push", "410323/4103230001", 1, 2, "ok", null, default);
            await audit.AppendAsync("tech-zhao", "config.push", "410323/4103230001", 2, 3, "ok", null, default);
            await audit.AppendAsync("admin-li", "command.send", "410323/4103230001", null, null, "ok", "type=repoll", default);
            Assert.True((await audit.VerifyAsync(default)).Intact);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            // Behind SQLite's back (its triggers refuse UPDATE): one byte of the second actor's name, in the file.
            var bytes = await File.ReadAllBytesAsync(database.Path);
            var at = IndexOf(bytes, Encoding.UTF8.GetBytes("tech-zhao"));
            Assert.True(at > 0);
            bytes[at + 5] = (byte)'x';
            await File.WriteAllBytesAsync(database.Path, bytes);

            var verdict = await audit.VerifyAsync(default);
            Assert.False(verdict.Intact);
            Assert.Equal(2, verdict.FirstBadSequence);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_Audit_Log_Refuses_Update_And_Delete_And_An_Anchor_Reveals_A_Cut_Short_Chain()
    {
        var folder = Directory.CreateTempSubdirectory("cf-audit-").FullName;
        try
        {
            var database = new ConfigDatabase(Path.Combine(folder, "config.db"));
            await database.MigrateAsync(default);
            using var audit = new AuditLog(database, TimeProvider.System, NullLogger<AuditLog>.Instance);
            await audit.AppendAsync("tech-wang", "config.push", "410323/4103230001", 1, 2, "ok", null, default);
            await audit.AppendAsync("tech-zhao", "config.push", "410323/4103230001", 2, 3, "ok", null, default);
            await audit.AnchorAsync(default);

            await using (var connection = await database.OpenAsync(default))
            {
                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE audit_log SET actor = 'nobody' WHERE seq = 2";
                await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => update.ExecuteNonQueryAsync());

                // Someone with the file drops the triggers and removes the last entry: the chain left is consistent.
                await using var tamper = connection.CreateCommand();
                tamper.CommandText = "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;";
                await tamper.ExecuteNonQueryAsync();
            }

            var verdict = await audit.VerifyAsync(default);
            Assert.False(verdict.Intact);
            Assert.Contains("cut short", verdict.Problem, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task ReportAsync(RemoteConfigFleet fleet, string school, long version, string status, string reason)
    {
        var report = new ConfigReported { Agent = "gw-" + school, County = fleet.County, School = school, Version = 1, AttemptedVersion = version, Status = status, Reason = reason, Time = DateTimeOffset.UtcNow };
        var result = await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigReported(fleet.County, school), ContractSerializer.Serialize(report, ContractJsonContext.Default.ConfigReported), MessageQos.AtLeastOnce, Retain: true));
        Assert.True(result.Accepted, result.ReasonText);
    }

    private static async Task<JsonObject> WaitForCommandAsync(HttpClient client, string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var view = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/commands/{id}"))!;
            if (view["state"]!.GetValue<string>() == state)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"command never reached {state}: {view.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
