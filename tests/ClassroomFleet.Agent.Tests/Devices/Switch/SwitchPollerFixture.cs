using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Switch;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Devices.Switch;

/// <summary>
/// A switch poller wired as the agent wires it, over a school file written per test and a live configuration whose
/// credentials a test may change between polls (to point the same device at another recording).
/// </summary>
internal sealed class SwitchPollerFixture : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-switch-").FullName;
    private readonly SnmpClient _snmp = new(new SnmpClientOptions());

    private SwitchPollerFixture(IConfigurationRoot configuration) => Configuration = configuration;

    public IConfigurationRoot Configuration { get; }

    public SwitchPoller Poller { get; private set; } = null!;

    public SchoolFile School { get; private set; } = null!;

    public static async Task<SwitchPollerFixture> CreateAsync(string schoolYaml, Dictionary<string, string?> credentials)
    {
        var fixture = new SwitchPollerFixture(new ConfigurationBuilder().AddInMemoryCollection(credentials).Build());
        var path = Path.Combine(fixture._folder, "school.yaml");
        await File.WriteAllTextAsync(path, schoolYaml);
        var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = path, StateDirectory = fixture._folder }), NullLogger<SchoolFileProvider>.Instance);
        fixture.School = await provider.ReloadAsync() ?? throw new InvalidOperationException("the test school file is invalid");
        var targets = new SnmpTargetFactory(new CredentialStore(fixture.Configuration));
        var tables = new SwitchTablesCache(targets, new ForwardingTableReader(fixture._snmp, TimeProvider.System), DeviceProfileCatalog.BuiltIn, TimeProvider.System);
        fixture.Poller = new SwitchPoller(fixture._snmp, targets, DeviceProfileCatalog.BuiltIn, tables, provider, TimeProvider.System, NullLogger<SwitchPoller>.Instance);
        return fixture;
    }

    public DeviceEntry Device(string id) => School.Devices.Single(d => d.Id == id);

    public async ValueTask DisposeAsync()
    {
        await _snmp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
