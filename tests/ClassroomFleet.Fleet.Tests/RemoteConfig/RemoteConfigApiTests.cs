using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Fleet.Tests.RemoteConfig;

/// <summary>Pushes through the real fleet host to the real mosquitto: signing key, signed retained documents, scope, concurrency.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class RemoteConfigApiTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_Fleet_Creates_Its_Signing_Key_On_First_Start_Readable_By_Its_Owner_Only()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        var keyFile = Path.Combine(fleet.Host.DataDirectory, "config-signing-key.pem");

        Assert.True(File.Exists(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        using var client = fleet.Client(RemoteConfigFleet.Auditor);
        var publicPem = await client.GetStringAsync("/api/v1/config/signing-key");
        using var pinned = ECDsa.Create();
        pinned.ImportFromPem(publicPem);
        using var own = ECDsa.Create();
        own.ImportFromPem(await File.ReadAllTextAsync(keyFile));
        Assert.Equal(own.ExportSubjectPublicKeyInfo(), pinned.ExportSubjectPublicKeyInfo());
        Assert.DoesNotContain("PRIVATE", publicPem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Push_Publishes_A_Signed_Retained_Document_With_The_Next_Version()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        var school = fleet.Schools[0];
        using var client = fleet.Client(RemoteConfigFleet.Technician);
        using var pinned = ECDsa.Create();
        pinned.ImportFromPem(await client.GetStringAsync("/api/v1/config/signing-key"));

        using var pushed = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal("\"1\"", pushed.Headers.ETag?.Tag);

        // A late subscriber (an agent coming online) gets the retained document.
        var received = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await fleet.Agents.SubscribeAsync(Topics.ConfigDesired(fleet.County, school), MessageQos.AtLeastOnce, (m, _) => { received.TrySetResult(m); return Task.CompletedTask; });
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(message.Retain);
        var envelope = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.ConfigEnvelope, e => e.Schema);
        var payload = ConfigEnvelopeSigner.Verify(envelope, pinned, out var problem);
        Assert.True(payload is not null, problem);
        var document = ContractSerializer.Deserialize(payload, ContractJsonContext.Default.ConfigDocument, d => d.Schema);
        Assert.Equal(1, document.Version);
        Assert.Equal("tech-wang", document.IssuedBy);
        Assert.True(document.ExpiresAt > DateTimeOffset.UtcNow);

        await fleet.Agents.PublishAsync(new OutgoingMessage(Topics.ConfigDesired(fleet.County, school), ReadOnlyMemory<byte>.Empty, Retain: true));
    }

    [Fact]
    public async Task Two_Technicians_Editing_From_The_Same_Version_One_Wins_The_Other_Gets_409_With_The_Current_Version()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        var school = fleet.Schools[0];
        using (var first = await fleet.PushAsync(RemoteConfigFleet.Technician, school, 0))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var client = fleet.Client(RemoteConfigFleet.Technician);
        using var shown = await client.GetAsync($"/api/v1/config/{fleet.County}/{school}");
        var baseVersion = long.Parse(shown.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

        var edits = await Task.WhenAll(
            fleet.PushAsync(RemoteConfigFleet.Technician, school, baseVersion, RemoteConfigFleet.SchoolYaml(fleet.County, school, "60s")),
            fleet.PushAsync(RemoteConfigFleet.OtherTechnician, school, baseVersion, RemoteConfigFleet.SchoolYaml(fleet.County, school, "90s")));

        Assert.Single(edits, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(edits, r => r.StatusCode == HttpStatusCode.Conflict);
        var body = await loser.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(baseVersion + 1, body!["current_version"]!.GetValue<long>());
        foreach (var edit in edits)
        {
            edit.Dispose();
        }

        using var audit = fleet.Client(RemoteConfigFleet.Auditor);
        var entries = await audit.GetFromJsonAsync<JsonArray>($"/api/v1/audit-log?action=config.push");
        Assert.Contains(entries!, e => e!["result"]!.GetValue<string>() == "conflict" && e["before_version"]!.GetValue<long>() == baseVersion + 1);
    }

    [Fact]
    public async Task A_Push_Without_A_Base_Version_Is_Refused_428()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        using var client = fleet.Client(RemoteConfigFleet.Technician);

        using var response = await client.PutAsJsonAsync($"/api/v1/config/{fleet.County}/{fleet.Schools[0]}", new JsonObject { ["school_file"] = RemoteConfigFleet.SchoolYaml(fleet.County, fleet.Schools[0]) });

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task A_School_Of_Another_County_Is_Not_Found_For_Reads_Pushes_Rollouts_And_Commands()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();
        using var client = fleet.Client(RemoteConfigFleet.Technician);

        using var read = await client.GetAsync($"/api/v1/config/{fleet.OtherCounty}/{fleet.OtherSchool}");
        using var push = await fleet.PushAsync(RemoteConfigFleet.Technician, fleet.OtherSchool, 0, RemoteConfigFleet.SchoolYaml(fleet.OtherCounty, fleet.OtherSchool), fleet.OtherCounty);
        using var rollout = await client.PostAsJsonAsync("/api/v1/rollouts", new JsonObject { ["county"] = fleet.OtherCounty, ["patch"] = new JsonObject { ["kind"] = "switch", ["interval"] = "60s" } });
        using var command = await client.PostAsJsonAsync("/api/v1/commands", new JsonObject { ["county"] = fleet.OtherCounty, ["school"] = fleet.OtherSchool, ["type"] = "probe_bandwidth" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, push.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rollout.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
    }

    [Fact]
    public async Task An_Auditor_Cannot_Push()
    {
        await using var fleet = await RemoteConfigFleet.StartAsync();

        using var response = await fleet.PushAsync(RemoteConfigFleet.Auditor, fleet.Schools[0], 0);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
