using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// Issue 9, point 2: a crash at any instant of an apply leaves exactly the old or the new configuration. The apply path
/// runs in a child process (AgentHost, CF_FAULT_MODE=apply) that applies version after version, each confirmed at
/// once, confirmed too late or never confirmed (a 50 ms deadline undoes it), and is killed -9 at a random instant,
/// again and again on the same folders. After each kill, before and after the recovery the agent runs at start, the
/// school file must be byte for byte one version (or the local file), with that version's agent settings, and
/// <c>previous.yaml</c> (the fallback), the state and the journal must all tell of the same versions: no apply, confirm
/// or undo half-done, no temporary files.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "kill")]
public sealed class RemoteConfigApplyKillTests(ITestOutputHelper output) : IDisposable
{
    private const string County = "410323";
    private const string School = "4141032301";
    private const int Versions = 400;
    private const int Interrupted = 5;
    private const int MinIterations = 10;
    private const int MaxIterations = 20;
    private readonly string _root = Directory.CreateTempSubdirectory("cf-apply-kill-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Killed_At_Random_Instants_Of_An_Apply_Confirm_Or_Rollback_The_Configuration_Is_Always_Old_Or_New_Never_Mixed()
    {
        var known = PrepareFolder();
        var interrupted = 0;
        var phases = new List<string>();
        for (var iteration = 0; iteration < MaxIterations && (iteration < MinIterations || interrupted < Interrupted); iteration++)
        {
            var last = await RunAndKillAsync(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 600)));

            var journal = Store.LoadJournal();
            var midApply = last.StartsWith("BEGIN ", StringComparison.Ordinal) || journal is not null;
            interrupted += midApply ? 1 : 0;
            phases.Add(journal?.Phase.ToString() ?? "-");
            var onDisk = CheckAfterKill(known, journal, iteration);

            var (state, inForce) = await RecoverAsync();
            output.WriteLine($"iteration {iteration}: last printed '{last}', journal {journal?.Phase.ToString() ?? "none"}, on disk v{onDisk}, after recovery {inForce} (state in_force {state.InForce}, high water {state.HighWater}, report {state.LastReport?.Status})");
            CheckAfterRecovery(known, state, iteration);
            Assert.Equal(Name(state.InForce), inForce);
        }

        output.WriteLine($"{interrupted} of {phases.Count} kills landed inside an apply; journal phases found: {string.Join(", ", phases.GroupBy(p => p).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(interrupted >= Interrupted, $"only {interrupted} of {phases.Count} kills landed while applying (last line BEGIN n, or a journal left): the test exercised too little");
    }

    private string SchoolFilePath => Path.Combine(_root, "school.yaml");

    private string StateDirectory => Path.Combine(_root, "state");

    private RemoteConfigStore Store => new(StateDirectory);

    private static string Name(long version) => version == 0 ? "local" : $"v{version}";

    private static string Host(long version) => $"broker-{version}.test";

    /// <summary>What the kill left, before any recovery: the file in force is the old or the new version, and with no journal everything agrees.</summary>
    private long CheckAfterKill(Dictionary<string, long> known, ApplyJournal? journal, int iteration)
    {
        var onDisk = VersionOf(known, SchoolFilePath, iteration);
        var state = Store.LoadState();
        if (journal is null)
        {
            // No step under way: the file, its settings, the fallback and the state are the one version in force.
            Assert.Equal(state.InForce, onDisk);
            CheckSettings(Store.LoadSettings(), state.InForce, iteration, "agent-settings.json");
            CheckFallback(known, state.InForce, iteration);
            return onDisk;
        }

        long[] oldOrNew = [journal.PreviousVersion, journal.Version];
        Assert.True(oldOrNew.Contains(onDisk), $"iteration {iteration}: journal {journal} but v{onDisk} on disk");
        Assert.True(oldOrNew.Contains(state.InForce), $"iteration {iteration}: journal {journal} but state in_force {state.InForce}");
        if (journal.Phase == ApplyPhase.AwaitingConfirm)
        {
            Assert.Equal(journal.Version, onDisk);
            Assert.Equal(journal.Version, state.InForce);
            CheckSettings(Store.LoadSettings(), journal.Version, iteration, "agent-settings.json");
        }

        if (journal.Phase != ApplyPhase.Confirming)
        {
            CheckFallback(known, journal.PreviousVersion, iteration);
        }

        return onDisk;
    }

    /// <summary>After the recovery: nothing half-done; the file, its settings, the state and the report are the version in force, the fallback the last confirmed one.</summary>
    private void CheckAfterRecovery(Dictionary<string, long> known, RemoteConfigState state, int iteration)
    {
        var journal = Store.LoadJournal();
        Assert.True(journal is null || (journal.Phase == ApplyPhase.AwaitingConfirm && journal.Version == state.InForce), $"iteration {iteration}: journal left {journal}");
        Assert.Equal(state.InForce, VersionOf(known, SchoolFilePath, iteration));
        CheckSettings(Store.LoadSettings(), state.InForce, iteration, "agent-settings.json");
        CheckFallback(known, journal?.PreviousVersion ?? state.InForce, iteration);
        Assert.True(state.HighWater >= state.InForce);
        Assert.True(state.LastReport is null || state.LastReport.Version == state.InForce, $"iteration {iteration}: the last report ({state.LastReport?.Status}) says version {state.LastReport?.Version} is in force, the state {state.InForce}");
        Assert.Empty(Directory.EnumerateFiles(_root, ".*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>previous.yaml and its settings are <paramref name="confirmed"/> (absent only before the first apply).</summary>
    private void CheckFallback(Dictionary<string, long> known, long confirmed, int iteration)
    {
        if (!File.Exists(Store.PreviousPath))
        {
            Assert.Equal(0, confirmed);
            return;
        }

        Assert.Equal(confirmed, VersionOf(known, Store.PreviousPath, iteration));
        CheckSettings(Store.LoadPreviousSettings(), confirmed, iteration, "previous-agent-settings.json");
    }

    private static void CheckSettings(ConfigAgentSettings? settings, long version, int iteration, string file) =>
        Assert.True(settings?.MqttHost == (version == 0 ? null : Host(version)), $"iteration {iteration}: {file} names broker {settings?.MqttHost ?? "(none)"}, but goes with v{version}");

    private static long VersionOf(Dictionary<string, long> known, string path, int iteration)
    {
        var content = File.ReadAllText(path);
        Assert.True(known.TryGetValue(content, out var version), $"iteration {iteration}: after kill -9 {Path.GetFileName(path)} is none of the versions ({content.Length} chars): a partial write");
        return version;
    }

    /// <summary>Writes the local file, the pinned key and the signed documents (each with its own broker); returns every legitimate file content → its version (0: local).</summary>
    private Dictionary<string, long> PrepareFolder()
    {
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        var local = SchoolYaml("local");
        File.WriteAllText(SchoolFilePath, local);
        known[local] = 0;
        File.WriteAllText(Path.Combine(_root, "fleet.pub.pem"), _key.ExportSubjectPublicKeyInfoPem());
        var docs = Directory.CreateDirectory(Path.Combine(_root, "docs")).FullName;
        var now = DateTimeOffset.UtcNow;
        for (var version = 1; version <= Versions; version++)
        {
            var yaml = SchoolYaml(Name(version));
            known[yaml] = version;
            var document = new ConfigDocument
            {
                County = County, School = School, Version = version, IssuedAt = now, ExpiresAt = now.AddHours(2), SchoolFile = yaml,
                Agent = new ConfigAgentSettings { MqttHost = Host(version), MqttPort = 1883 },
            };
            var envelope = ConfigEnvelopeSigner.Sign(ContractSerializer.Serialize(document, ContractJsonContext.Default.ConfigDocument), _key);
            File.WriteAllBytes(Path.Combine(docs, $"{version:D5}.json"), ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope));
        }

        return known;
    }

    /// <summary>Runs the apply loop and kills it -9 <paramref name="after"/> its READY; returns the last line it printed.</summary>
    private async Task<string> RunAndKillAsync(TimeSpan after)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AgentProcess.HostDll);
        info.Environment["CF_FAULT_MODE"] = "apply";
        info.Environment["CF_APPLY_DIR"] = _root;
        using var process = new Process { StartInfo = info };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        var last = "";
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (gate)
            {
                last = line;
            }

            if (line == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (gate)
                {
                    errors.Add(line);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(after);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL
            }

            await process.WaitForExitAsync();
        }

        lock (gate)
        {
            Assert.True(errors.Count == 0, "the apply loop failed: " + string.Join('\n', errors.Take(20)));
            Assert.False(last == "END", "the child applied every version before the kill: raise Versions");
            return last;
        }
    }

    /// <summary>What the agent does at start: the recovery of <see cref="ConfigApplier.RecoverAsync"/>; returns the state and the name in force.</summary>
    private async Task<(RemoteConfigState State, string InForce)> RecoverAsync()
    {
        using var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = SchoolFilePath, StateDirectory = Path.Combine(Path.GetDirectoryName(SchoolFilePath)!, "provider-state") }), NullLogger<SchoolFileProvider>.Instance);
        await provider.ReloadAsync();
        using var key = FleetKey.LoadPublicKey(Path.Combine(_root, "fleet.pub.pem"));
        using var applier = new ConfigApplier(Store, provider, SchoolFilePath, key, new RemoteConfigOptions(), "gw-kill", TimeProvider.System, NullLogger.Instance);
        await applier.RecoverAsync(CancellationToken.None);
        var name = SchoolFileLoader.Parse(await File.ReadAllTextAsync(SchoolFilePath, Encoding.UTF8), SchoolFilePath).Name;
        Assert.Equal(name, provider.Current?.Name);
        return (applier.State, name);
    }

    /// <summary>A valid school file padded with comment lines, so that each write takes long enough to be caught half-way.</summary>
    private static string SchoolYaml(string name)
    {
        var padding = new StringBuilder();
        for (var line = 0; line < 800; line++)
        {
            padding.Append("# ").Append(name).Append(' ').Append('x', 60).Append('\n');
        }

        return OneSwitchSchool.Yaml(County, School, name, address: "127.0.0.1:11611") + "\n" + padding;
    }
}
