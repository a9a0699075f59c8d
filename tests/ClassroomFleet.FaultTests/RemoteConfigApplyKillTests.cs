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
/// runs in a child process (AgentHost, CF_FAULT_MODE=apply) that is killed -9 at a random instant, again and again on
/// the same folders; after each kill the school file must be byte for byte one of the pushed versions (or the local
/// one), and the recovery the agent runs at start must leave a consistent state: no apply half-done (at most one
/// awaiting its confirmation), no temporary files, and the file in force being the version the state says is in force.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "kill")]
public sealed class RemoteConfigApplyKillTests(ITestOutputHelper output) : IDisposable
{
    private const string County = "410323";
    private const string School = "4141032301";
    private const int Versions = 400;
    private readonly string _root = Directory.CreateTempSubdirectory("cf-apply-kill-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Killed_At_Random_Instants_Of_An_Apply_The_School_File_Is_Always_Old_Or_New_Never_Partial()
    {
        var known = PrepareFolder();
        var interrupted = 0;
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var (killedMidRun, last) = await RunAndKillAsync(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 600)));
            interrupted += killedMidRun ? 1 : 0; // killed before the child finished its list

            var onDisk = await File.ReadAllTextAsync(SchoolFilePath);
            Assert.True(known.ContainsKey(onDisk), $"iteration {iteration}: after kill -9 the school file is none of the versions ({onDisk.Length} chars): a partial write");

            var (state, inForce) = await RecoverAsync();
            output.WriteLine($"iteration {iteration}: killed mid-run {killedMidRun}, last printed {last}, on disk {known[onDisk]}, after recovery {inForce} (state in_force {state.InForce}, high water {state.HighWater})");
            Assert.Equal(state.InForce == 0 ? "local" : $"v{state.InForce}", inForce);
            Assert.True(state.HighWater >= state.InForce);
            // Killed between apply and confirmation: still awaiting confirmation (its deadline kept), of the version in force.
            var journal = new RemoteConfigStore(StateDirectory).LoadJournal();
            Assert.True(journal is null || (journal.Phase == ApplyPhase.AwaitingConfirm && journal.Version == state.InForce), $"iteration {iteration}: journal left {journal}");
            Assert.Empty(Directory.EnumerateFiles(_root, ".*.tmp", SearchOption.AllDirectories));
        }

        Assert.True(interrupted >= 5, $"only {interrupted} kills landed while applying: the test exercised too little");
    }

    private string SchoolFilePath => Path.Combine(_root, "school.yaml");

    private string StateDirectory => Path.Combine(_root, "state");

    /// <summary>Writes the local file, the pinned key and the signed documents; returns every legitimate file content → its name.</summary>
    private Dictionary<string, string> PrepareFolder()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var local = SchoolYaml("local");
        File.WriteAllText(SchoolFilePath, local);
        known[local] = "local";
        File.WriteAllText(Path.Combine(_root, "fleet.pub.pem"), _key.ExportSubjectPublicKeyInfoPem());
        var docs = Directory.CreateDirectory(Path.Combine(_root, "docs")).FullName;
        var now = DateTimeOffset.UtcNow;
        for (var version = 1; version <= Versions; version++)
        {
            var yaml = SchoolYaml($"v{version}");
            known[yaml] = $"v{version}";
            var document = new ConfigDocument { County = County, School = School, Version = version, IssuedAt = now, ExpiresAt = now.AddHours(2), SchoolFile = yaml };
            var envelope = ConfigEnvelopeSigner.Sign(ContractSerializer.Serialize(document, ContractJsonContext.Default.ConfigDocument), _key);
            File.WriteAllBytes(Path.Combine(docs, $"{version:D5}.json"), ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope));
        }

        return known;
    }

    private async Task<(bool KilledMidRun, string Last)> RunAndKillAsync(TimeSpan after)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AgentProcess.HostDll);
        info.Environment["CF_FAULT_MODE"] = "apply";
        info.Environment["CF_APPLY_DIR"] = _root;
        using var process = new Process { StartInfo = info };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = "";
        var done = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            last = line;
            done |= line == "DONE";
            if (line == "READY")
            {
                ready.TrySetResult();
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

        Assert.False(done, "the child applied every version before the kill: raise Versions");
        return (last != "", last);
    }

    /// <summary>What the agent does at start: the recovery of <see cref="ConfigApplier.RecoverAsync"/>; returns the state and the name in force.</summary>
    private async Task<(RemoteConfigState State, string InForce)> RecoverAsync()
    {
        using var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = SchoolFilePath, StateDirectory = Path.Combine(Path.GetDirectoryName(SchoolFilePath)!, "provider-state") }), NullLogger<SchoolFileProvider>.Instance);
        await provider.ReloadAsync();
        using var key = FleetKey.LoadPublicKey(Path.Combine(_root, "fleet.pub.pem"));
        using var applier = new ConfigApplier(new RemoteConfigStore(StateDirectory), provider, SchoolFilePath, key, new RemoteConfigOptions(), "gw-kill", TimeProvider.System, NullLogger.Instance);
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
