using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Agent.School;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.FaultTests.AgentHost;

/// <summary>
/// CF_FAULT_MODE=apply: the agent's remote-configuration apply path alone, in a loop, for the kill -9 test. Recovers
/// like the agent does at start, prints READY, then accepts and confirms every signed envelope of CF_APPLY_DIR/docs in
/// order (refusals of already-applied versions are quick), printing APPLIED n after each, and starts over.
/// </summary>
internal static class ApplyLoop
{
    public static async Task RunAsync(string root, CancellationToken cancellationToken)
    {
        var schoolFile = Path.Combine(root, "school.yaml");
        using var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = schoolFile, StateDirectory = Path.Combine(Path.GetDirectoryName(schoolFile)!, "provider-state") }), NullLogger<SchoolFileProvider>.Instance);
        await provider.ReloadAsync(cancellationToken);
        using var key = FleetKey.LoadPublicKey(Path.Combine(root, "fleet.pub.pem"));
        var options = new RemoteConfigOptions { ConfirmTimeout = TimeSpan.FromHours(1), MaxClockSkew = TimeSpan.FromMinutes(5) };
        using var applier = new ConfigApplier(new RemoteConfigStore(Path.Combine(root, "state")), provider, schoolFile, key, options, "gw-kill", TimeProvider.System, NullLogger.Instance);
        await applier.RecoverAsync(cancellationToken);
        Console.WriteLine("READY");
        var documents = Directory.GetFiles(Path.Combine(root, "docs"), "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var path in documents)
        {
            var report = await applier.AcceptAsync(await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
            await applier.ConfirmAsync(report.AttemptedVersion, cancellationToken);
            Console.WriteLine($"APPLIED {report.AttemptedVersion} {report.Status}");
        }

        Console.WriteLine("DONE");
    }
}
