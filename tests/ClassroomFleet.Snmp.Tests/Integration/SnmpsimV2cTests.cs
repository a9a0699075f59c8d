using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class SnmpsimV2cTests : IAsyncDisposable
{
    private static readonly Oid IfTable = Oid.Parse("1.3.6.1.2.1.2.2");
    private static readonly Oid IfXTable = Oid.Parse("1.3.6.1.2.1.31.1.1");

    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
    private readonly SnmpTarget _target = new(ServiceEndpoints.Snmpsim, SnmpVersion.V2c, "switch48");

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Theory]
    [InlineData("1.3.6.1.2.1.2.2", 25)]
    [InlineData("1.3.6.1.2.1.31.1.1", 10)]
    [InlineData("1.3.6.1.2.1", 50)]
    public async Task BulkWalk_Of_Simulated_Switch_Matches_Snmpbulkwalk(string root, int maxRepetitions)
    {
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync(
            "snmpbulkwalk", "-v2c", "-c", "switch48", "-On", "-Ot", ServiceEndpoints.Snmpsim.ToString(), root));

        var actual = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(_target with { MaxRepetitions = maxRepetitions }, Oid.Parse(root)));

        SnmpdV2cTests.AssertSameWalk(expected, actual);
    }

    [Fact]
    public async Task IfXTable_Counters_Come_Back_As_Counter64_For_Every_Interface()
    {
        var ifHcInOctets = IfXTable.Append(1, 6);
        var ifName = IfXTable.Append(1, 1);

        var ifNumber = await _client.GetAsync(_target, [Oid.Parse("1.3.6.1.2.1.2.1.0")]);

        var table = await _client.GetTableAsync(_target, [ifName, ifHcInOctets]);

        Assert.Equal(Assert.IsType<Integer32>(ifNumber[0].Value).Value, table.RowCount);
        Assert.True(table.RowCount >= 48);
        foreach (var row in table.Rows)
        {
            Assert.IsType<Counter64>(row[ifHcInOctets]);
            Assert.False(string.IsNullOrEmpty(row[ifName]?.AsText()));
        }
    }

    [Fact]
    public async Task Walk_Ends_At_EndOfMibView_Past_The_Last_Object()
    {
        var all = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(_target, Oid.Parse("1.3")));
        var last = all[^1].Oid;

        var after = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(_target, last));

        Assert.True(all.Count > 500);
        Assert.DoesNotContain(after, v => v.Oid > last);
    }

    [Fact]
    public async Task V3_AuthPriv_Walk_Selects_The_Recording_By_Context_Name()
    {
        var target = new SnmpTarget(ServiceEndpoints.Snmpsim, SnmpVersion.V3)
        {
            Credentials = new UsmCredentials("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123"),
            ContextName = "switch48",
        };

        var v3 = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(target, IfTable));
        var v2c = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(_target, IfTable));

        Assert.Equal(v2c.Select(v => v.Oid), v3.Select(v => v.Oid));
        Assert.Equal(v2c.Where(v => v.Value is OctetString).Select(v => v.Value), v3.Where(v => v.Value is OctetString).Select(v => v.Value));
    }
}
