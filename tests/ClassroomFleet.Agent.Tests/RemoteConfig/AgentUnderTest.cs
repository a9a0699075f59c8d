using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>
/// The real agent host (<c>AddAgent</c>, so remote configuration as it is wired in production) on a temp folder, with a
/// <c>RemoteConfig</c> section pinning <paramref name="fleetKey"/>, connected to the given broker. Pollers are removed:
/// what is under test is the configuration path, not SNMP.
/// </summary>
internal sealed class AgentUnderTest(string root, IHost host) : IAsyncDisposable
{
    public string Root { get; } = root;

    public IServiceProvider Services => host.Services;

    public SchoolFileProvider Schools => host.Services.GetRequiredService<SchoolFileProvider>();

    public MqttTransport Transport => host.Services.GetRequiredService<MqttTransport>();

    public static async Task<AgentUnderTest> StartAsync(string county, string school, (string Host, int Port) broker, ECDsa fleetKey, TimeSpan confirmTimeout)
    {
        var root = Directory.CreateTempSubdirectory("cf-rc-agent-").FullName;
        var schoolFile = Path.Combine(root, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, RemoteConfigFixture.SchoolYaml("local", school, county));
        var keyFile = Path.Combine(root, "fleet.pub.pem");
        await File.WriteAllTextAsync(keyFile, fleetKey.ExportSubjectPublicKeyInfoPem());

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = schoolFile,
            ["Agent:AgentId"] = "gw-" + school,
            ["Agent:StateDirectory"] = Path.Combine(root, "state"),
            ["Agent:HealthEndpoint"] = "",
            ["Mqtt:Host"] = broker.Host,
            ["Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "agent-" + school,
            ["Mqtt:ReconnectMinDelay"] = "00:00:00.100",
            ["Mqtt:ReconnectMaxDelay"] = "00:00:01",
            ["Mqtt:CommunicationTimeout"] = "00:00:02",
            ["RemoteConfig:FleetPublicKeyFile"] = keyFile,
            ["RemoteConfig:ConfirmTimeout"] = confirmTimeout.ToString(),
            ["RemoteConfig:MaxClockSkew"] = "00:00:05",
        });
        builder.AddAgent();
        builder.Services.RemoveAll<IDevicePoller>();
        var host = builder.Build();
        await host.StartAsync();
        return new AgentUnderTest(root, host);
    }

    /// <summary>A TCP port on 127.0.0.1 where nothing listens (taken from the kernel and released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await host.StopAsync(stop.Token);
        }

        host.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
