using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Accepts, applies, confirms and undoes pushed school files. A document is applied only if its signature verifies
/// with the pinned fleet key, its version is above the persisted high-water mark, it has not expired, and it passes
/// <see cref="SchoolFileLoader.Parse"/> (and its agent settings are sane). The retained document that the broker hands
/// over again after every reconnect is recognised by its digest and changes nothing. Applying, confirming and undoing
/// are journalled (<see cref="ApplyJournal"/>) so that a crash at any instant leaves the old or the new file, with its
/// own agent settings, in force; an applied document that the fleet does not confirm in time is undone, and so is one
/// whose confirmation comes too late. Every outcome yields the <see cref="ConfigReported"/> to publish. Operations
/// are serialised.
/// </summary>
public sealed class ConfigApplier(
    RemoteConfigStore store,
    SchoolFileProvider provider,
    string schoolFilePath,
    ECDsa fleetKey,
    RemoteConfigOptions options,
    string agentId,
    TimeProvider time,
    ILogger logger,
    IAgentSettingsTarget? settingsTarget = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RemoteConfigState State { get; private set; } = new();

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Finishes what a crash interrupted (see <see cref="ApplyJournal"/>): an apply caught mid-way is undone, a confirm
    /// or an undo caught mid-way is completed, and an applied document whose deadline passed while the agent was down
    /// is undone at once. Returns the report to publish, if any.
    /// </summary>
    public async Task<ConfigReported?> RecoverAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DurableFile.RemoveLeftovers(store.Directory);
            DurableFile.RemoveLeftovers(Path.GetDirectoryName(Path.GetFullPath(schoolFilePath))!);
            State = store.LoadState();
            var journal = store.LoadJournal();
            switch (journal?.Phase)
            {
                case ApplyPhase.Applying:
                    RemoteConfigLog.InterruptedApply(logger, journal.Version);
                    return await RollBackAsync(journal, $"the apply of version {journal.Version} was interrupted (agent stopped mid-apply); previous configuration restored").ConfigureAwait(false);
                case ApplyPhase.RollingBack:
                    RemoteConfigLog.InterruptedStep(logger, journal.Version, "rollback");
                    return await RollBackAsync(journal, journal.Reason ?? $"the rollback of version {journal.Version} was interrupted; previous configuration restored").ConfigureAwait(false);
                case ApplyPhase.Confirming:
                    RemoteConfigLog.InterruptedStep(logger, journal.Version, "confirmation");
                    return await CompleteConfirmAsync(journal).ConfigureAwait(false);
                case ApplyPhase.AwaitingConfirm when DeadlinePassed(journal):
                    RemoteConfigLog.NotConfirmed(logger, journal.Version, journal.ConfirmDeadline ?? default);
                    return await RollBackAsync(journal, $"no confirmation from the fleet for version {journal.Version} by {journal.ConfirmDeadline:O} (the agent was down or the broker or fleet unreachable); previous configuration restored").ConfigureAwait(false);
                case ApplyPhase.AwaitingConfirm when State.LastReport is not { Status: ConfigStatus.Applied } || State.LastReport.AttemptedVersion != journal.Version:
                    // Stopped after the apply but before its report was kept: the fleet has still to hear of it.
                    return await RememberAsync(Report(ConfigStatus.Applied, journal.Version, $"awaiting the fleet's confirmation until {journal.ConfirmDeadline:O}"), CancellationToken.None).ConfigureAwait(false);
                default:
                    return State.LastReport;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ConfigReported> AcceptAsync(ReadOnlyMemory<byte> envelopeJson, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (document, refusal) = Screen(envelopeJson.Span, out var digest);
            if (refusal is null && document is null)
            {
                // The accepted document once more (retained, re-delivered on reconnect): nothing to do.
                return State.LastReport ?? Report(ConfigStatus.Applied, State.InForce, null);
            }

            if (refusal is not null)
            {
                RemoteConfigLog.Refused(logger, refusal.AttemptedVersion, refusal.Status, refusal.Reason ?? "");
                return await RememberAsync(refusal, cancellationToken).ConfigureAwait(false);
            }

            return await ApplyAsync(document!, digest!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The fleet saw <paramref name="version"/> in force: it becomes the last good configuration. A confirmation that
    /// comes after the deadline is refused: the document is undone (the report says why), as it would have been had
    /// the deadline check come first. Null when <paramref name="version"/> is not awaiting confirmation.
    /// </summary>
    public async Task<ConfigReported?> ConfirmAsync(long version, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var journal = store.LoadJournal();
            if (journal is not { Phase: ApplyPhase.AwaitingConfirm } || journal.Version != version)
            {
                return null;
            }

            if (DeadlinePassed(journal))
            {
                RemoteConfigLog.ConfirmedTooLate(logger, version, journal.ConfirmDeadline ?? default);
                return await RollBackAsync(journal, $"the fleet's confirmation of version {version} came at {time.GetUtcNow():O}, after the deadline {journal.ConfirmDeadline:O}; previous configuration restored").ConfigureAwait(false);
            }

            var confirming = journal with { Phase = ApplyPhase.Confirming };
            await store.SaveJournalAsync(confirming, CancellationToken.None).ConfigureAwait(false);
            return await CompleteConfirmAsync(confirming).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Undoes an applied document whose confirmation deadline has passed; null when there is nothing to undo.</summary>
    public async Task<ConfigReported?> CheckDeadlineAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var journal = store.LoadJournal();
            if (journal is not { Phase: ApplyPhase.AwaitingConfirm } || !DeadlinePassed(journal))
            {
                return null;
            }

            RemoteConfigLog.NotConfirmed(logger, journal.Version, journal.ConfirmDeadline ?? default);
            return await RollBackAsync(journal, $"no confirmation from the fleet for version {journal.Version} by {journal.ConfirmDeadline:O} (broker or fleet unreachable after the apply); previous configuration restored").ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The document to apply, or the refusal; neither when it is the accepted document re-delivered.</summary>
    private (ConfigDocument? Document, ConfigReported? Refusal) Screen(ReadOnlySpan<byte> envelopeJson, out string? digest)
    {
        digest = null;
        ConfigEnvelope envelope;
        try
        {
            envelope = ContractSerializer.Deserialize(envelopeJson, ContractJsonContext.Default.ConfigEnvelope, e => e.Schema);
        }
        catch (ContractDecodeException ex)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, 0, $"not a config envelope: {ex.Message}"));
        }

        var payload = ConfigEnvelopeSigner.Verify(envelope, fleetKey, out var signatureProblem);
        if (payload is null)
        {
            return (null, Report(ConfigStatus.RefusedSignature, ClaimedVersion(envelope), signatureProblem));
        }

        ConfigDocument document;
        try
        {
            document = ContractSerializer.Deserialize(payload, ContractJsonContext.Default.ConfigDocument, d => d.Schema);
        }
        catch (ContractDecodeException ex)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, 0, $"not a config document: {ex.Message}"));
        }

        digest = Convert.ToHexStringLower(SHA256.HashData(payload));
        if (document.Version == State.HighWater && digest == State.HighWaterSha256)
        {
            return (null, null);
        }

        var current = provider.Current;
        if (current is null)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, document.Version, "no school file is in force, so the agent does not know its school"));
        }

        if (document.County != current.County || document.School != current.School)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, document.Version, $"addressed to {document.County}/{document.School}, this agent serves {current.County}/{current.School}"));
        }

        if (document.Version <= State.HighWater)
        {
            return (null, Report(ConfigStatus.RefusedStale, document.Version, $"version {document.Version} is not above the highest accepted version {State.HighWater}"));
        }

        var now = time.GetUtcNow();
        if (now > document.ExpiresAt + options.MaxClockSkew)
        {
            return (null, Report(ConfigStatus.RefusedExpired, document.Version, $"expired at {document.ExpiresAt:O} (agent clock {now:O})"));
        }

        try
        {
            var file = SchoolFileLoader.Parse(document.SchoolFile, $"pushed version {document.Version}");
            if (file.County != current.County || file.School != current.School)
            {
                return (null, Report(ConfigStatus.RefusedInvalid, document.Version, $"the school file describes {file.County}/{file.School}, not {current.County}/{current.School}"));
            }
        }
        catch (SchoolFileException ex)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, document.Version, ex.Message));
        }

        if (AgentSettingsCheck.Problem(document.Agent) is { } settingsProblem)
        {
            return (null, Report(ConfigStatus.RefusedInvalid, document.Version, settingsProblem));
        }

        return (document, null);
    }

    private async Task<ConfigReported> ApplyAsync(ConfigDocument document, string digest, CancellationToken cancellationToken)
    {
        var newBytes = Encoding.UTF8.GetBytes(document.SchoolFile);
        var pending = store.LoadJournal();

        // A newer document replacing one still awaiting confirmation keeps the confirmed previous file as the fallback.
        if (pending is null)
        {
            await DurableFile.WriteAsync(store.PreviousPath, await File.ReadAllBytesAsync(schoolFilePath, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await store.SavePreviousSettingsAsync(store.LoadSettings(), cancellationToken).ConfigureAwait(false);
        }

        var journal = new ApplyJournal
        {
            Phase = ApplyPhase.Applying,
            Version = document.Version,
            PreviousVersion = pending?.PreviousVersion ?? State.InForce,
            NewSha256 = Convert.ToHexStringLower(SHA256.HashData(newBytes)),
        };

        // CancellationToken.None from here on: once the journal exists, stopping half-way would only force an undo.
        await store.SaveJournalAsync(journal, CancellationToken.None).ConfigureAwait(false);
        await store.SaveSettingsAsync(document.Agent, CancellationToken.None).ConfigureAwait(false);
        await DurableFile.WriteAsync(schoolFilePath, newBytes, CancellationToken.None).ConfigureAwait(false);
        State = State with { HighWater = document.Version, HighWaterSha256 = digest, InForce = document.Version };
        await store.SaveStateAsync(State, CancellationToken.None).ConfigureAwait(false);
        var timeout = document.ConfirmTimeoutSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : options.ConfirmTimeout;
        var deadline = time.GetUtcNow() + timeout;
        await store.SaveJournalAsync(journal with { Phase = ApplyPhase.AwaitingConfirm, ConfirmDeadline = deadline }, CancellationToken.None).ConfigureAwait(false);
        await provider.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        var report = await RememberAsync(Report(ConfigStatus.Applied, document.Version, $"awaiting the fleet's confirmation until {deadline:O}"), CancellationToken.None).ConfigureAwait(false);
        await ApplySettingsAsync(document.Agent).ConfigureAwait(false);
        RemoteConfigLog.Applied(logger, document.Version, document.IssuedBy ?? "?", deadline);
        return report;
    }

    /// <summary>Journal phase <see cref="ApplyPhase.Confirming"/> written: makes the file and settings in force the last good ones.</summary>
    private async Task<ConfigReported> CompleteConfirmAsync(ApplyJournal journal)
    {
        await DurableFile.WriteAsync(store.PreviousPath, await File.ReadAllBytesAsync(schoolFilePath, CancellationToken.None).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
        await store.SavePreviousSettingsAsync(store.LoadSettings(), CancellationToken.None).ConfigureAwait(false);

        // The report is kept before the journal goes: a crash in between repeats the confirmation, never loses its report.
        var report = await RememberAsync(Report(ConfigStatus.Confirmed, journal.Version, null), CancellationToken.None).ConfigureAwait(false);
        store.DeleteJournal();
        RemoteConfigLog.Confirmed(logger, journal.Version);
        return report;
    }

    /// <summary>Records phase <see cref="ApplyPhase.RollingBack"/> (unless recovering it), then restores the last good file and settings.</summary>
    private async Task<ConfigReported> RollBackAsync(ApplyJournal journal, string reason)
    {
        if (journal.Phase != ApplyPhase.RollingBack)
        {
            journal = journal with { Phase = ApplyPhase.RollingBack, Reason = reason };
            await store.SaveJournalAsync(journal, CancellationToken.None).ConfigureAwait(false);
        }

        var previous = await File.ReadAllBytesAsync(store.PreviousPath, CancellationToken.None).ConfigureAwait(false);
        var previousSettings = store.LoadPreviousSettings();
        await store.SaveSettingsAsync(previousSettings, CancellationToken.None).ConfigureAwait(false);
        await DurableFile.WriteAsync(schoolFilePath, previous, CancellationToken.None).ConfigureAwait(false);
        await provider.ReloadAsync(CancellationToken.None).ConfigureAwait(false);

        // The version in force and the report are kept together, before the journal goes (see CompleteConfirmAsync).
        State = State with { InForce = journal.PreviousVersion };
        var report = await RememberAsync(Report(ConfigStatus.RolledBack, journal.Version, reason), CancellationToken.None).ConfigureAwait(false);
        store.DeleteJournal();
        await ApplySettingsAsync(previousSettings).ConfigureAwait(false);
        RemoteConfigLog.RolledBack(logger, journal.Version, journal.PreviousVersion, reason);
        return report;
    }

    private bool DeadlinePassed(ApplyJournal journal) => journal.ConfirmDeadline is not { } deadline || time.GetUtcNow() >= deadline;

    private async Task ApplySettingsAsync(ConfigAgentSettings? settings)
    {
        if (settingsTarget is not null)
        {
            await settingsTarget.ApplyAsync(settings, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ConfigReported> RememberAsync(ConfigReported report, CancellationToken cancellationToken)
    {
        State = State with { LastReport = report };
        await store.SaveStateAsync(State, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private ConfigReported Report(string status, long attemptedVersion, string? reason)
    {
        var current = provider.Current;
        return new ConfigReported
        {
            Agent = agentId,
            County = current?.County ?? "",
            School = current?.School ?? "",
            Version = State.InForce,
            AttemptedVersion = attemptedVersion,
            Status = status,
            Reason = reason,
            Sha256 = provider.CurrentSha256,
            Time = time.GetUtcNow(),
        };
    }

    /// <summary>The version an unverified envelope claims, for the refusal report only; never trusted otherwise.</summary>
    private static long ClaimedVersion(ConfigEnvelope envelope)
    {
        try
        {
            var claimed = System.Text.Json.JsonSerializer.Deserialize(Convert.FromBase64String(envelope.Payload), ContractJsonContext.Default.ConfigDocument);
            return claimed?.Version ?? 0;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or ArgumentException)
        {
            return 0;
        }
    }
}
