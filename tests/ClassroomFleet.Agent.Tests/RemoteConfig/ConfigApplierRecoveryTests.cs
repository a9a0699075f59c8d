using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>
/// What a crash leaves in each journal phase, and what the next start makes of it: the old or the new file, each with
/// its own agent settings and version, never a mix. The crash is simulated by the files it leaves (as
/// <c>An_Apply_Interrupted_After_The_File_Was_Replaced_Is_Undone_At_Start</c> does for phase Applying).
/// </summary>
public sealed class ConfigApplierRecoveryTests : IDisposable
{
    private readonly RemoteConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private RemoteConfigStore Store => new(_fx.StateDirectory);

    [Fact]
    public async Task A_Confirmation_Interrupted_After_The_Fallback_Was_Written_Is_Finished_At_Start_And_A_Later_Rollback_Restores_It()
    {
        await ConfirmedSevenThenAppliedEightAsync();

        // A crash inside the confirmation of 8: its phase recorded, previous.yaml already the new file, the settings not yet.
        await Store.SaveJournalAsync(Store.LoadJournal()! with { Phase = ApplyPhase.Confirming }, default);
        await File.WriteAllBytesAsync(Store.PreviousPath, await File.ReadAllBytesAsync(_fx.SchoolFilePath));
        Assert.Equal(Host(7), Store.LoadPreviousSettings()!.MqttHost);

        var (second, _) = await _fx.StartAgentAsync();

        Assert.Null(Store.LoadJournal());
        Assert.Equal(ConfigStatus.Confirmed, second.State.LastReport!.Status);
        Assert.Equal(8, second.State.LastReport.Version);
        Assert.Equal(8, second.State.InForce);
        Assert.Equal(Host(8), Store.LoadPreviousSettings()!.MqttHost);

        // The fallback is now 8 as a whole: a later unconfirmed 9 goes back to 8's file and 8's broker.
        await second.AcceptAsync(_fx.Signed(WithSettings(9)), default);
        _fx.Clock.Advance(TimeSpan.FromMinutes(6));
        var undone = await second.CheckDeadlineAsync(default);

        Assert.Equal(ConfigStatus.RolledBack, undone!.Status);
        Assert.Equal(8, undone.Version);
        Assert.Equal("v8", _fx.InForceName());
        Assert.Equal(Host(8), Store.LoadSettings()!.MqttHost);
    }

    /// <summary>How far the undo of 8 got before the crash: 0 nothing restored, 1 the settings, 2 and the file, 3 and the state.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_Rollback_Interrupted_At_Any_Step_Is_Finished_At_Start_With_Its_Reason(int restored)
    {
        var first = await ConfirmedSevenThenAppliedEightAsync();
        const string Reason = "no confirmation from the fleet for version 8 (test)";
        await Store.SaveJournalAsync(Store.LoadJournal()! with { Phase = ApplyPhase.RollingBack, Reason = Reason }, default);
        if (restored >= 1)
        {
            await Store.SaveSettingsAsync(Store.LoadPreviousSettings(), default);
        }

        if (restored >= 2)
        {
            await File.WriteAllBytesAsync(_fx.SchoolFilePath, await File.ReadAllBytesAsync(Store.PreviousPath));
        }

        if (restored >= 3)
        {
            await Store.SaveStateAsync(first.State with { InForce = 7 }, default);
        }

        var target = new RecordingSettingsTarget();
        var (second, provider) = await _fx.StartAgentAsync(target);

        Assert.Null(Store.LoadJournal());
        Assert.Equal("v7", _fx.InForceName());
        Assert.Equal("v7", provider.Current!.Name);
        Assert.Equal(Host(7), Store.LoadSettings()!.MqttHost);
        Assert.Equal(Host(7), target.Applied.Single()!.MqttHost);
        Assert.Equal(7, second.State.InForce);
        Assert.Equal(ConfigStatus.RolledBack, second.State.LastReport!.Status);
        Assert.Equal(7, second.State.LastReport.Version);
        Assert.Equal(8, second.State.LastReport.AttemptedVersion);
        Assert.Equal(Reason, second.State.LastReport.Reason);

        // A confirmation of 8 arriving now finds nothing to confirm: 8 is not fixed with 7's broker.
        Assert.Null(await second.ConfirmAsync(8, default));
        Assert.Equal("v7", _fx.InForceName());
    }

    [Fact]
    public async Task An_Applied_Document_Whose_Deadline_Passed_While_The_Agent_Was_Down_Is_Undone_At_Start()
    {
        var (first, _) = await _fx.StartAgentAsync();
        await first.AcceptAsync(_fx.Signed(WithSettings(7)), default);
        _fx.Clock.Advance(TimeSpan.FromMinutes(6));

        var (second, provider) = await _fx.StartAgentAsync();

        // Undone by the start itself, before any confirmation could be taken.
        Assert.Null(Store.LoadJournal());
        Assert.Equal("local", _fx.InForceName());
        Assert.Equal("local", provider.Current!.Name);
        Assert.Null(Store.LoadSettings());
        Assert.Equal(0, second.State.InForce);
        Assert.Equal(ConfigStatus.RolledBack, second.State.LastReport!.Status);
        Assert.Contains("no confirmation", second.State.LastReport.Reason, StringComparison.Ordinal);
        Assert.Null(await second.ConfirmAsync(7, default));
    }

    [Fact]
    public async Task An_Applied_Document_Within_Its_Deadline_Stays_Applied_Across_A_Restart()
    {
        var (first, _) = await _fx.StartAgentAsync();
        await first.AcceptAsync(_fx.Signed(7), default);
        _fx.Clock.Advance(TimeSpan.FromMinutes(4));

        var (second, _) = await _fx.StartAgentAsync();

        Assert.Equal(ApplyPhase.AwaitingConfirm, Store.LoadJournal()!.Phase);
        Assert.Equal(ConfigStatus.Applied, second.State.LastReport!.Status);
        Assert.Equal(ConfigStatus.Confirmed, (await second.ConfirmAsync(7, default))!.Status);
        Assert.Equal("v7", _fx.InForceName());
    }

    [Fact]
    public async Task A_Confirmation_After_The_Deadline_Is_Refused_And_The_Document_Undone_With_The_Reason()
    {
        var (applier, provider) = await _fx.StartAgentAsync();
        await applier.AcceptAsync(_fx.Signed(WithSettings(7)), default);
        _fx.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        // The deadline check has not run yet (it ticks once a second); the late confirmation must not win.
        var report = await applier.ConfirmAsync(7, default);

        Assert.Equal(ConfigStatus.RolledBack, report!.Status);
        Assert.Equal(7, report.AttemptedVersion);
        Assert.Equal(0, report.Version);
        Assert.Contains("after the deadline", report.Reason, StringComparison.Ordinal);
        Assert.Equal("local", _fx.InForceName());
        Assert.Equal("local", provider.Current!.Name);
        Assert.Null(Store.LoadSettings());
        Assert.Null(Store.LoadJournal());
        Assert.Null(await applier.CheckDeadlineAsync(default));
    }

    [Fact]
    public async Task An_Apply_Stopped_Before_Its_Report_Was_Kept_Reports_Applied_At_Start()
    {
        var (first, _) = await _fx.StartAgentAsync();
        var confirmedSeven = await ConfirmAsync(first, 7);
        await first.AcceptAsync(_fx.Signed(8), default);

        // A crash after the journal reached AwaitingConfirm but before the report of 8 was saved.
        await Store.SaveStateAsync(first.State with { LastReport = confirmedSeven }, default);

        var (second, _) = await _fx.StartAgentAsync();

        Assert.Equal(ConfigStatus.Applied, second.State.LastReport!.Status);
        Assert.Equal(8, second.State.LastReport.AttemptedVersion);
        Assert.Equal(8, second.State.LastReport.Version);
    }

    private static string Host(long version) => $"broker-{version}.test";

    private ConfigDocument WithSettings(long version) =>
        _fx.Document(version) with { Agent = new ConfigAgentSettings { MqttHost = Host(version), MqttPort = 1883 } };

    private async Task<ConfigReported> ConfirmAsync(ConfigApplier applier, long version)
    {
        Assert.Equal(ConfigStatus.Applied, (await applier.AcceptAsync(_fx.Signed(WithSettings(version)), default)).Status);
        var confirmed = await applier.ConfirmAsync(version, default);
        Assert.Equal(ConfigStatus.Confirmed, confirmed!.Status);
        return confirmed;
    }

    /// <summary>7 (with its broker) confirmed, then 8 (with another broker) applied and awaiting confirmation.</summary>
    private async Task<ConfigApplier> ConfirmedSevenThenAppliedEightAsync()
    {
        var (applier, _) = await _fx.StartAgentAsync();
        await ConfirmAsync(applier, 7);
        Assert.Equal(ConfigStatus.Applied, (await applier.AcceptAsync(_fx.Signed(WithSettings(8)), default)).Status);
        Assert.Equal(Host(8), Store.LoadSettings()!.MqttHost);
        Assert.Equal(Host(7), Store.LoadPreviousSettings()!.MqttHost);
        return applier;
    }
}
