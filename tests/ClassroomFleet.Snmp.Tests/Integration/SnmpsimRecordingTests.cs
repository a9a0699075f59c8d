using System.IO.Compression;
using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>One private snmpsim for the whole class, serving the unpacked recordings.</summary>
public sealed class RecordedDevicesFixture : IAsyncLifetime
{
    public static readonly string[] Names = ["cisco_16_switch", "linux-full-walk", "winxp-full-walk"];

    public SnmpsimProcess? Snmpsim { get; private set; }

    public async Task InitializeAsync()
    {
        var recordings = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Resources", "Snmpsim", name + ".snmprec.gz"));
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            recordings[name] = await reader.ReadToEndAsync();
        }

        Snmpsim = await SnmpsimProcess.StartAsync(recordings, Names[1]);
    }

    public async Task DisposeAsync()
    {
        if (Snmpsim is not null)
        {
            await Snmpsim.DisposeAsync();
        }
    }
}

/// <summary>Walks of real devices recorded by the snmpsim authors (Resources/Snmpsim), served by a private snmpsim.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class SnmpsimRecordingTests : IClassFixture<RecordedDevicesFixture>, IAsyncDisposable
{
    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
    private readonly SnmpsimProcess _snmpsim;

    public SnmpsimRecordingTests(RecordedDevicesFixture fixture) => _snmpsim = fixture.Snmpsim!;

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Theory]
    [InlineData("linux-full-walk", "1.3.6.1")]
    [InlineData("winxp-full-walk", "1.3.6.1")]
    [InlineData("cisco_16_switch", "1.3.6.1.2.1.2.2")]
    [InlineData("cisco_16_switch", "1.3.6.1.2.1.31.1.1")]
    public async Task Walk_Of_A_Recorded_Device_Matches_Snmpbulkwalk(string community, string root)
    {
        var endpoint = _snmpsim.Endpoint;
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpbulkwalk", "-v2c", "-c", community, "-On", "-Ot", "-Cr25", endpoint.ToString(), root));

        var actual = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(new SnmpTarget(endpoint, SnmpVersion.V2c, community) { Timeout = TimeSpan.FromSeconds(3) }, Oid.Parse(root)));

        SnmpdV2cTests.AssertSameWalk(expected, actual);
    }

    [Fact]
    public async Task Cisco_Interface_Table_Has_Counter64_Octets_For_Every_IfIndex()
    {
        var target = new SnmpTarget(_snmpsim.Endpoint, SnmpVersion.V2c, "cisco_16_switch") { Timeout = TimeSpan.FromSeconds(3) };
        var ifIndex = Oid.Parse("1.3.6.1.2.1.2.2.1.1");
        var ifHcInOctets = Oid.Parse("1.3.6.1.2.1.31.1.1.1.6");

        var table = await _client.GetTableAsync(target, [ifIndex, ifHcInOctets]);

        Assert.True(table.RowCount > 16);
        Assert.All(table.Rows.Where(r => r[ifHcInOctets] is not null), row => Assert.IsType<Counter64>(row[ifHcInOctets]));
        Assert.All(table.Rows.Where(r => r[ifIndex] is not null), row => Assert.Equal(row.Index, Oid.Parse(((Integer32)row[ifIndex]!).Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
