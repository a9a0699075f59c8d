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

    private static readonly Dictionary<string, string> RobotUrls = new()
    {
        ["DINGTALK_ROBOT_URL"] = "https://oapi.dingtalk.com/robot/send?access_token=county-token",
        ["WECOM_ROBOT_URL"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=school-key",
        ["ALERT_WEBHOOK_URL"] = "https://tickets.example.org/hooks/grafana",
    };

    [Fact]
    public async Task The_Script_Makes_A_Valid_Env_And_A_Broker_Password_File_And_Certificate_That_Work()
    {
        Assert.Equal(0, await RunAsync("bash", RobotUrls, RepositoryPaths.Of("scripts", "compose-secrets.sh"), "--dir", _dir.FullName));
        var env = ReadEnv(_dir.FullName);
        Assert.All(env.Values, v => Assert.NotEmpty(v));
        Assert.Equal(64, env["GRAFANA_SECRET_KEY"].Length);
        Assert.NotEqual(env["FLEET_MQTT_PASSWORD"], env["SCHOOL_MQTT_PASSWORD"]);
        Assert.All(RobotUrls, u => Assert.Equal(u.Value, env[u.Key]));

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

    [Fact]
    public async Task Without_The_Robot_Urls_The_Script_Leaves_Them_Empty_And_Compose_Refuses_To_Start_Grafana_Without_Them()
    {
        var unset = RobotUrls.Keys.ToDictionary(k => k, _ => "");
        Assert.Equal(0, await RunAsync("bash", unset, RepositoryPaths.Of("scripts", "compose-secrets.sh"), "--dir", _dir.FullName));
        var env = ReadEnv(_dir.FullName);
        Assert.All(RobotUrls.Keys, k => Assert.Equal("", env[k]));

        var info = new ProcessStartInfo("docker-compose", ["--env-file", Path.Combine(_dir.FullName, ".env"), "-f", RepositoryPaths.Of("docker-compose.yml"), "config", "-q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("_URL in .env", await stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ReadEnv(string dir) =>
        File.ReadAllLines(Path.Combine(dir, ".env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);

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

    private static Task<int> RunAsync(string file, params string[] arguments) => RunAsync(file, new Dictionary<string, string>(), arguments);

    private static async Task<int> RunAsync(string file, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
