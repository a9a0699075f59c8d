using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.FaultTests.AgentHost;

/// <summary>
/// CF_FAULT_MODE=apply: the agent's remote-configuration apply path alone, in a loop, for the kill -9 test. Recovers
/// like the agent does at start (and lets a version left awaiting confirmation be undone), prints READY, then goes through the signed envelopes CF_APPLY_DIR/docs/{n:D5}.json
/// from the high-water mark + 1 on. Each one is bracketed by <c>BEGIN n</c> and <c>DONE n …</c>; in between it is
/// accepted, then the fleet's answer is played at random: a confirmation at once, one after the (short) deadline,
/// or none, so that the deadline check undoes it. <c>END</c> when there are no more documents.
/// </summary>
internal static class ApplyLoop
{
    /// <summary>Short, so that the late confirmations and the undos happen many times per run.</summary>
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(string root, CancellationToken cancellationToken)
    {
        var schoolFile = Path.Combine(root, "school.yaml");
        using var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = schoolFile, StateDirectory = Path.Combine(Path.GetDirectoryName(schoolFile)!, "provider-state") }), NullLogger<SchoolFileProvider>.Instance);
        await provider.ReloadAsync(cancellationToken);
        using var key = FleetKey.LoadPublicKey(Path.Combine(root, "fleet.pub.pem"));
        var options = new RemoteConfigOptions { ConfirmTimeout = ConfirmTimeout, MaxClockSkew = TimeSpan.FromMinutes(5) };
        var store = new RemoteConfigStore(Path.Combine(root, "state"));
        using var applier = new ConfigApplier(store, provider, schoolFile, key, options, "gw-kill", TimeProvider.System, NullLogger.Instance);
        await applier.RecoverAsync(cancellationToken);

        // A version the last run left awaiting its confirmation gets none (the deadline undoes it), so that every apply
        // here starts from a confirmed configuration and the test knows the old version of each.
        while (store.LoadJournal() is not null)
        {
            await applier.CheckDeadlineAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        Console.WriteLine("READY");
        for (var version = applier.State.HighWater + 1; File.Exists(DocumentPath(root, version)); version++)
        {
            Console.WriteLine($"BEGIN {version}");
            var report = await applier.AcceptAsync(await File.ReadAllBytesAsync(DocumentPath(root, version), cancellationToken), cancellationToken);
            var outcome = report.Status == ConfigStatus.Applied ? await AnswerAsync(applier, version, cancellationToken) : report;
            Console.WriteLine($"DONE {version} {report.Status} {outcome.Status}");
        }

        Console.WriteLine("END");
    }

    private static string DocumentPath(string root, long version) => Path.Combine(root, "docs", $"{version:D5}.json");

    /// <summary>The fleet's answer to an applied version, chosen at random; returns the report it ends with.</summary>
    private static async Task<ConfigReported> AnswerAsync(ConfigApplier applier, long version, CancellationToken cancellationToken)
    {
        switch (Random.Shared.Next(3))
        {
            case 0:
                return await applier.ConfirmAsync(version, cancellationToken) ?? throw new InvalidOperationException($"version {version} was not awaiting confirmation");
            case 1:
                await Task.Delay(ConfirmTimeout * 2, cancellationToken);
                return await applier.ConfirmAsync(version, cancellationToken) ?? throw new InvalidOperationException($"version {version} was not awaiting confirmation");
            default:
                while (true)
                {
                    if (await applier.CheckDeadlineAsync(cancellationToken) is { } undone)
                    {
                        return undone;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
                }
        }
    }
}
