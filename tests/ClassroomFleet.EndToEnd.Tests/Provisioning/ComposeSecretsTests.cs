using System.Diagnostics;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>
/// scripts/compose-secrets.sh makes what the stack needs and nothing is committed: an .env docker-compose accepts, and a
/// password file and TLS certificate a real mosquitto serves, with which the fleet user gets in over TLS and a wrong
/// password does not.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "docker-compose")]
public sealed class ComposeSecretsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cf-compose-secrets-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_Script_Makes_A_Valid_Env_And_A_Broker_Password_File_And_Certificate_That_Work()
    {
        Assert.Equal(0, await RunAsync("bash", RepositoryPaths.Of("scripts", "compose-secrets.sh"), "--dir", _dir.FullName));
        var env = File.ReadAllLines(Path.Combine(_dir.FullName, ".env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.DoesNotContain(env.Values, v => v.Contains("change-me", StringComparison.Ordinal));
        Assert.Equal(64, env["GRAFANA_SECRET_KEY"].Length);
        Assert.NotEqual(env["FLEET_MQTT_PASSWORD"], env["SCHOOL_MQTT_PASSWORD"]);

        // A second run keeps the secrets in use.
        Assert.NotEqual(0, await RunAsync("bash", RepositoryPaths.Of("scripts", "compose-secrets.sh"), "--dir", _dir.FullName));
        Assert.Equal(0, await RunAsync("docker-compose", "--env-file", Path.Combine(_dir.FullName, ".env"), "-f", RepositoryPaths.Of("docker-compose.yml"), "config", "-q"));

        var certs = Path.Combine(_dir.FullName, "secrets", "mosquitto", "certs");
        await using var broker = new MosquittoProcess
        {
            ListenerOptions = $"cafile {certs}/ca.crt\ncertfile {certs}/server.crt\nkeyfile {certs}/server.key\n",
            ExtraConfig = $"allow_anonymous false\npassword_file {Path.Combine(_dir.FullName, "secrets", "mosquitto", "passwd")}\n",
        };
        await broker.StartAsync();

        await using (var fleet = Transport(broker, Path.Combine(certs, "ca.crt"), env["FLEET_MQTT_PASSWORD"]))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await fleet.StartAsync(timeout.Token);
            await fleet.WaitConnectedAsync(timeout.Token);
        }

        await using var intruder = Transport(broker, Path.Combine(certs, "ca.crt"), "not-the-password");
        using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await intruder.StartAsync(shortly.Token);
            await intruder.WaitConnectedAsync(shortly.Token);
        });
    }

    private static MqttTransport Transport(MosquittoProcess broker, string caFile, string password) => new(
        new MqttTransportOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "fleet",
            Username = "fleet",
            Password = password,
            CleanStart = true,
            Tls = new MqttTlsOptions { Enabled = true, CaFile = caFile, TargetHost = "localhost" },
        },
        NullLogger<MqttTransport>.Instance);

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
