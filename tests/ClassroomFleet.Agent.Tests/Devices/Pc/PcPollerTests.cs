using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Switch;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Devices.Pc;

/// <summary>
/// PC presence against snmpsim's <c>school-core</c> recording (simulators/snmpsim/generate_switch.py: 40 PCs, 36 in
/// the forwarding tables and ARP, 2 only in ARP, 2 absent, the last with an invalid forwarding row).
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class PcPollerTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-pc-").FullName;
    private readonly SnmpClient _snmp = new(new SnmpClientOptions());

    [Fact]
    public async Task Registered_Pcs_Are_Counted_From_The_Forwarding_And_Arp_Tables()
    {
        var (poller, _) = await CreateAsync(ServiceEndpoints.Snmpsim.ToString());

        var point = Assert.Single(await poller.PollAsync(Group(40)));

        Assert.Equal("pc", point.Measurement);
        Assert.Equal("switch_tables", point.Strings!["method"]);
        Assert.Equal(40, point.Integers!["registered"]);
        Assert.Equal(38, point.Integers["present"]);
        Assert.Equal(2, point.Integers["absent"]);
        Assert.Equal(36, point.Integers["present_fdb"]);
        Assert.Equal(38, point.Integers["present_arp"]);
        Assert.Equal("02:cf:00:01:00:27,02:cf:00:01:00:28", point.Strings["absent_macs"]);
    }

    [Fact]
    public async Task An_Invalid_Forwarding_Row_Does_Not_Count_As_Present()
    {
        var (_, cache) = await CreateAsync(ServiceEndpoints.Snmpsim.ToString());
        var tables = await cache.GetAsync(Switch(ServiceEndpoints.Snmpsim.ToString()));

        Assert.True(MacAddressText.TryParse("02:cf:00:01:00:01", out var first));
        Assert.True(MacAddressText.TryParse("02:cf:00:01:00:28", out var invalid));
        Assert.True(MacAddressText.TryParse("02:cf:00:02:00:01", out var panel));
        Assert.Equal(1, tables.PortByMac[first]);
        Assert.False(tables.PortByMac.ContainsKey(invalid));
        Assert.Equal(21, tables.PortByMac[panel]);
        Assert.Equal("10.3.3.11", tables.AddressByMac[panel].ToString());
    }

    [Fact]
    public async Task A_Switch_That_Does_Not_Answer_Falls_Back_To_Icmp_With_The_Reason()
    {
        var dead = $"127.0.0.1:{SnmpdProcess.FreeUdpPort()}";
        var (poller, _) = await CreateAsync(dead);

        var point = Assert.Single(await poller.PollAsync(Group(3, hosts: ["127.0.0.1-3"])));

        Assert.Equal("icmp", point.Strings!["method"]);
        Assert.Equal(3, point.Integers!["registered"]);
        Assert.Equal(3, point.Integers["present_icmp"]);
        Assert.False(string.IsNullOrWhiteSpace(point.Strings["table_error"]));
        Assert.False(point.Integers.ContainsKey("present_fdb"));
    }

    [Fact]
    public async Task Without_Tables_Or_Hosts_The_Poll_Fails_Naming_The_Switch_Problem()
    {
        var dead = $"127.0.0.1:{SnmpdProcess.FreeUdpPort()}";
        var (poller, _) = await CreateAsync(dead);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => poller.PollAsync(Group(2)));
        Assert.Contains("no hosts to ping", ex.Message, StringComparison.Ordinal);
    }

    private static DeviceEntry Group(int count, List<string>? hosts = null) => new()
    {
        Id = "pcs-lab-1",
        Kind = "student_pc",
        Switch = "sw-core-1",
        Macs = [.. Enumerable.Range(1, count).Select(n => $"02:cf:00:01:00:{n:x2}")],
        Hosts = hosts ?? [],
    };

    private static DeviceEntry Switch(string address) => new()
    {
        Id = "sw-core-1",
        Kind = "switch",
        Address = address,
        Snmp = new SnmpEntry { Version = "v2c", Credential = "core-ro" },
        Overrides = new ProfileOverrides { Budget = "3s", Timeout = "500ms" },
    };

    private async Task<(PcPoller Poller, SwitchTablesCache Cache)> CreateAsync(string switchAddress)
    {
        var path = Path.Combine(_folder, "school.yaml");
        await File.WriteAllTextAsync(path, $"""
            schema: classroomfleet.school/v1
            county: "410323"
            school: "4141032301"
            name: 测试学校
            category: urban
            devices:
              - id: sw-core-1
                kind: switch
                address: "{switchAddress}"
                snmp: {"{"} version: v2c, credential: core-ro {"}"}
                overrides: {"{"} budget: 3s, timeout: 500ms {"}"}
            """);
        var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = path, StateDirectory = _folder }), NullLogger<SchoolFileProvider>.Instance);
        Assert.NotNull(await provider.ReloadAsync());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Credentials:core-ro:Community"] = "school-core" }).Build();
        var cache = new SwitchTablesCache(
            new SnmpTargetFactory(new CredentialStore(configuration)), new ForwardingTableReader(_snmp, TimeProvider.System), DeviceProfileCatalog.BuiltIn, TimeProvider.System);
        var poller = new PcPoller("student_pc", DeviceProfileCatalog.BuiltIn, provider, cache, TimeProvider.System, NullLogger<PcPoller>.Instance);
        return (poller, cache);
    }

    public async ValueTask DisposeAsync()
    {
        await _snmp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
