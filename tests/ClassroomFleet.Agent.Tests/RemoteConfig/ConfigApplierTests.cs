using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

public sealed class ConfigApplierTests : IDisposable
{
    private readonly RemoteConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Out_Of_Order_7_9_8_Applies_9_And_Refuses_8_As_Stale()
    {
        var (applier, provider) = await _fx.StartAgentAsync();

        Assert.Equal(ConfigStatus.Applied, (await applier.AcceptAsync(_fx.Signed(7), default)).Status);
        Assert.Equal(ConfigStatus.Applied, (await applier.AcceptAsync(_fx.Signed(9), default)).Status);
        var eight = await applier.AcceptAsync(_fx.Signed(8), default);

        Assert.Equal(ConfigStatus.RefusedStale, eight.Status);
        Assert.Equal(8, eight.AttemptedVersion);
        Assert.Equal(9, eight.Version);
        Assert.Contains("not above", eight.Reason, StringComparison.Ordinal);
        Assert.Equal("v9", _fx.InForceName());
        Assert.Equal("v9", provider.Current!.Name);
    }

    [Fact]
    public async Task The_High_Water_Mark_Survives_A_Restart()
    {
        var (first, _) = await _fx.StartAgentAsync();
        await first.AcceptAsync(_fx.Signed(9), default);
        await first.ConfirmAsync(9, default);

        var (second, _) = await _fx.StartAgentAsync();
        var otherNine = await second.AcceptAsync(_fx.Signed(_fx.Document(9, RemoteConfigFixture.SchoolYaml("other-9"))), default);
        var older = await second.AcceptAsync(_fx.Signed(5), default);

        Assert.Equal(ConfigStatus.RefusedStale, otherNine.Status);
        Assert.Equal(ConfigStatus.RefusedStale, older.Status);
        Assert.Equal(9, second.State.HighWater);
        Assert.Equal("v9", _fx.InForceName());
    }

    [Fact]
    public async Task A_Tampered_Document_Is_Refused_And_Nothing_Changes()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var envelope = JsonSerializer.Deserialize(_fx.Signed(3), ContractJsonContext.Default.ConfigEnvelope)!;
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(envelope.Payload)).Replace("name: v3", "name: evil", StringComparison.Ordinal);
        var tampered = envelope with { Payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) };

        var report = await applier.AcceptAsync(ContractSerializer.Serialize(tampered, ContractJsonContext.Default.ConfigEnvelope), default);

        Assert.Equal(ConfigStatus.RefusedSignature, report.Status);
        Assert.Equal(3, report.AttemptedVersion);
        Assert.Equal("local", _fx.InForceName());
        Assert.Equal(0, applier.State.HighWater);
    }

    [Fact]
    public async Task An_Unsigned_Document_Is_Refused()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var envelope = JsonSerializer.Deserialize(_fx.Signed(3), ContractJsonContext.Default.ConfigEnvelope)! with { Signature = null };

        var report = await applier.AcceptAsync(ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope), default);

        Assert.Equal(ConfigStatus.RefusedSignature, report.Status);
        Assert.Contains("not signed", report.Reason, StringComparison.Ordinal);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task A_Document_Signed_With_Another_Key_Is_Refused()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var report = await applier.AcceptAsync(_fx.Signed(_fx.Document(4), stranger), default);

        Assert.Equal(ConfigStatus.RefusedSignature, report.Status);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task An_Expired_Document_Is_Refused_And_Does_Not_Raise_The_High_Water_Mark()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var document = _fx.Document(6, expiresIn: TimeSpan.FromMinutes(10));
        _fx.Clock.Advance(TimeSpan.FromMinutes(11));

        var report = await applier.AcceptAsync(_fx.Signed(document), default);

        Assert.Equal(ConfigStatus.RefusedExpired, report.Status);
        Assert.Equal(0, applier.State.HighWater);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task A_Document_The_School_File_Validator_Rejects_Is_Refused_With_Its_Errors()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var bad = RemoteConfigFixture.SchoolYaml("v2").Replace("127.0.0.1:11611", "127.0.0.1:99999", StringComparison.Ordinal);

        var report = await applier.AcceptAsync(_fx.Signed(_fx.Document(2, bad)), default);

        Assert.Equal(ConfigStatus.RefusedInvalid, report.Status);
        Assert.Contains("devices[0].address", report.Reason, StringComparison.Ordinal);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task A_Document_For_Another_School_Is_Refused()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var yaml = RemoteConfigFixture.SchoolYaml("v2", school: "4141032399");

        var report = await applier.AcceptAsync(_fx.Signed(_fx.Document(2, yaml)), default);

        Assert.Equal(ConfigStatus.RefusedInvalid, report.Status);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task Garbage_Is_Refused_As_Invalid()
    {
        var (applier, _) = await _fx.StartAgentAsync();

        var report = await applier.AcceptAsync("{not json"u8.ToArray(), default);

        Assert.Equal(ConfigStatus.RefusedInvalid, report.Status);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task Without_Confirmation_By_The_Deadline_The_Previous_File_Comes_Back()
    {
        var (applier, provider) = await _fx.StartAgentAsync();
        var retained = _fx.Signed(7);
        await applier.AcceptAsync(retained, default);
        Assert.Equal("v7", provider.Current!.Name);

        _fx.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await applier.CheckDeadlineAsync(default));
        _fx.Clock.Advance(TimeSpan.FromMinutes(2));
        var report = await applier.CheckDeadlineAsync(default);

        Assert.Equal(ConfigStatus.RolledBack, report!.Status);
        Assert.Equal(7, report.AttemptedVersion);
        Assert.Equal(0, report.Version);
        Assert.Contains("no confirmation", report.Reason, StringComparison.Ordinal);
        Assert.Equal("local", _fx.InForceName());
        Assert.Equal("local", provider.Current!.Name);

        // The retained document comes again on reconnect: it must not be applied a second time, and the report stays.
        var again = await applier.AcceptAsync(retained, default);
        Assert.Equal(ConfigStatus.RolledBack, again.Status);
        Assert.Equal("local", _fx.InForceName());
        Assert.Equal(0, applier.State.InForce);
    }

    [Fact]
    public async Task The_Accepted_Document_Delivered_Again_Changes_Nothing_And_Repeats_The_Last_Report()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var document = _fx.Document(7);
        await applier.AcceptAsync(_fx.Signed(document), default);
        var confirmed = await applier.ConfirmAsync(7, default);

        // After a reconnect the broker hands over the same retained document (signed afresh bytes, same payload).
        var (restarted, _) = await _fx.StartAgentAsync();
        var again = await restarted.AcceptAsync(_fx.Signed(document), default);

        Assert.Equal(ConfigStatus.Confirmed, again.Status);
        Assert.Equal(confirmed!.Time, again.Time);
        Assert.Null(new RemoteConfigStore(_fx.StateDirectory).LoadJournal());
        Assert.Equal(7, restarted.State.InForce);
    }

    [Fact]
    public async Task Agent_Settings_Are_Applied_With_The_File_And_Undone_With_It()
    {
        var target = new RecordingSettingsTarget();
        var (applier, _) = await _fx.StartAgentAsync(target);
        var document = _fx.Document(7) with { Agent = new ConfigAgentSettings { MqttHost = "10.9.9.9", MqttPort = 18830 } };

        await applier.AcceptAsync(_fx.Signed(document), default);
        var store = new RemoteConfigStore(_fx.StateDirectory);
        Assert.Equal("10.9.9.9", store.LoadSettings()!.MqttHost);
        Assert.Equal("10.9.9.9", target.Applied[^1]!.MqttHost);

        _fx.Clock.Advance(TimeSpan.FromMinutes(6));
        var report = await applier.CheckDeadlineAsync(default);

        Assert.Equal(ConfigStatus.RolledBack, report!.Status);
        Assert.Null(store.LoadSettings());
        Assert.Null(target.Applied[^1]);
    }

    [Theory]
    [InlineData("bad host", 1883, "agent.mqtt_host")]
    [InlineData("broker.example", 0, "agent.mqtt_port")]
    [InlineData("broker.example", 70000, "agent.mqtt_port")]
    public async Task Insane_Agent_Settings_Refuse_The_Document(string host, int port, string field)
    {
        var (applier, _) = await _fx.StartAgentAsync();
        var document = _fx.Document(3) with { Agent = new ConfigAgentSettings { MqttHost = host, MqttPort = port } };

        var report = await applier.AcceptAsync(_fx.Signed(document), default);

        Assert.Equal(ConfigStatus.RefusedInvalid, report.Status);
        Assert.Contains(field, report.Reason, StringComparison.Ordinal);
        Assert.Equal(0, applier.State.HighWater);
    }

    [Fact]
    public async Task A_Confirmed_Document_Stays_After_The_Deadline()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        await applier.AcceptAsync(_fx.Signed(7), default);

        var confirmed = await applier.ConfirmAsync(7, default);
        _fx.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ConfigStatus.Confirmed, confirmed!.Status);
        Assert.Null(await applier.CheckDeadlineAsync(default));
        Assert.Equal("v7", _fx.InForceName());
        Assert.Null(await applier.ConfirmAsync(6, default));
    }

    [Fact]
    public async Task A_Rollback_Restores_The_Last_Confirmed_File_Not_An_Unconfirmed_One()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        await applier.AcceptAsync(_fx.Signed(7), default);
        await applier.ConfirmAsync(7, default);
        await applier.AcceptAsync(_fx.Signed(8), default);
        await applier.AcceptAsync(_fx.Signed(9), default);

        _fx.Clock.Advance(TimeSpan.FromMinutes(6));
        var report = await applier.CheckDeadlineAsync(default);

        Assert.Equal(ConfigStatus.RolledBack, report!.Status);
        Assert.Equal(7, report.Version);
        Assert.Equal("v7", _fx.InForceName());
    }

    [Fact]
    public async Task The_Confirm_Deadline_Survives_A_Restart()
    {
        var (first, _) = await _fx.StartAgentAsync();
        await first.AcceptAsync(_fx.Signed(7), default);

        var (second, provider) = await _fx.StartAgentAsync();
        Assert.Equal("v7", provider.Current!.Name);
        _fx.Clock.Advance(TimeSpan.FromMinutes(6));
        var report = await second.CheckDeadlineAsync(default);

        Assert.Equal(ConfigStatus.RolledBack, report!.Status);
        Assert.Equal("local", _fx.InForceName());
    }

    [Fact]
    public async Task An_Apply_Interrupted_After_The_File_Was_Replaced_Is_Undone_At_Start()
    {
        var (first, _) = await _fx.StartAgentAsync();
        await first.AcceptAsync(_fx.Signed(7), default);
        await first.ConfirmAsync(7, default);

        // What a crash right after the rename leaves: journal in phase Applying, the new file in place.
        var store = new RemoteConfigStore(_fx.StateDirectory);
        await store.SaveJournalAsync(new ApplyJournal { Phase = ApplyPhase.Applying, Version = 8, PreviousVersion = 7, NewSha256 = "x" }, default);
        await File.WriteAllTextAsync(_fx.SchoolFilePath, RemoteConfigFixture.SchoolYaml("v8"));
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(_fx.SchoolFilePath)!, ".school.yaml.999.tmp"), "torn");

        var (second, provider) = await _fx.StartAgentAsync();

        Assert.Equal("v7", _fx.InForceName());
        Assert.Equal("v7", provider.Current!.Name);
        Assert.Equal(ConfigStatus.RolledBack, second.State.LastReport!.Status);
        Assert.Equal(7, second.State.InForce);
        Assert.Null(store.LoadJournal());
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(_fx.SchoolFilePath)!, ".*.tmp"));
    }
}
