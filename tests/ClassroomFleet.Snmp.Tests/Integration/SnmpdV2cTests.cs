using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "snmpd")]
public sealed class SnmpdV2cTests : IAsyncDisposable
{
    private static readonly Oid SysUpTime = Oid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly Oid IfTable = Oid.Parse("1.3.6.1.2.1.2.2");

    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
    private readonly SnmpTarget _target = new(ServiceEndpoints.Snmpd, SnmpVersion.V2c, "public");

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Get_Returns_SysUpTime_And_SysName_As_Snmpget_Does()
    {
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpget", "-v2c", "-c", "public", "-On", "-Ot", Endpoint, SysName.ToString()));

        var result = await _client.GetAsync(_target, [SysUpTime, SysName]);

        Assert.Equal(2, result.Count);
        Assert.Equal(SysUpTime, result[0].Oid);
        var ticks = Assert.IsType<TimeTicks>(result[0].Value);
        Assert.True(ticks.Value > 0);
        Assert.Equal(SysName, result[1].Oid);
        Assert.Equal("cf-test-snmpd", result[1].Value.AsText());
        Assert.True(NetSnmpCli.SameOctets(expected[0].Value, ((OctetString)result[1].Value).Value.Span));
    }

    [Fact]
    public async Task Get_Of_A_Missing_Instance_Returns_NoSuchInstance()
    {
        var result = await _client.GetAsync(_target, [Oid.Parse("1.3.6.1.2.1.1.5.99")]);

        Assert.True(result[0].Value.IsException);
    }

    [Fact]
    public async Task BulkWalk_Of_IfTable_Matches_Snmpbulkwalk()
    {
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-Ot", Endpoint, IfTable.ToString()));

        var actual = await ToListAsync(_client.WalkAsync(_target, IfTable));

        AssertSameWalk(expected, actual);
    }

    [Fact]
    public async Task GetNext_Walk_Of_IfTable_Matches_Snmpbulkwalk()
    {
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-Ot", Endpoint, IfTable.ToString()));

        var actual = await ToListAsync(_client.WalkAsync(_target with { UseGetNext = true }, IfTable));

        AssertSameWalk(expected, actual);
    }

    [Fact]
    public async Task V1_Walk_Of_System_Ends_At_NoSuchName_And_Matches_Snmpwalk()
    {
        var system = Oid.Parse("1.3.6.1.2.1.1");
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpwalk", "-v1", "-c", "public", "-On", "-Ot", Endpoint, system.ToString()));

        var actual = await ToListAsync(_client.WalkAsync(_target with { Version = SnmpVersion.V1 }, system));

        AssertSameWalk(expected, actual);
    }

    [Fact]
    public async Task Table_Of_IfDescr_And_IfMtu_Is_Keyed_By_IfIndex()
    {
        var ifDescr = Oid.Parse("1.3.6.1.2.1.2.2.1.2");
        var ifMtu = Oid.Parse("1.3.6.1.2.1.2.2.1.4");
        var descr = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpbulkwalk", "-v2c", "-c", "public", "-On", Endpoint, ifDescr.ToString()));

        var table = await _client.GetTableAsync(_target with { MaxRepetitions = 3 }, [ifDescr, ifMtu]);

        Assert.Equal(descr.Count, table.RowCount);
        foreach (var (oid, _, value) in descr)
        {
            Assert.True(table.TryGetRow(oid.SubIdsAfter(ifDescr), out var row));
            Assert.True(NetSnmpCli.SameOctets(value, Assert.IsType<OctetString>(row[ifDescr]).Value.Span));
            Assert.IsType<Integer32>(row[ifMtu]);
        }
    }

    [Fact]
    public async Task Wrong_Community_Times_Out_Within_The_Budget()
    {
        var target = _target with { Community = "not-the-community", Timeout = TimeSpan.FromMilliseconds(200), Retries = 5, Budget = TimeSpan.FromMilliseconds(500) };
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName]));

        Assert.Equal(SnmpErrorKind.Timeout, error.Kind);
        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Two_Thousand_Concurrent_Requests_Share_One_Socket()
    {
        var target = _target with { Timeout = TimeSpan.FromSeconds(2), Retries = 3 };

        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => _client.GetAsync(target, [SysName])));

        Assert.All(results, r => Assert.Equal("cf-test-snmpd", r[0].Value.AsText()));
        Assert.Equal(0, _client.Statistics.UnknownRequestId + _client.Statistics.WrongEndpoint + _client.Statistics.Malformed);
    }

    private static string Endpoint => ServiceEndpoints.Snmpd.ToString();

    internal static async Task<List<Variable>> ToListAsync(IAsyncEnumerable<Variable> source)
    {
        var list = new List<Variable>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    internal static void AssertSameWalk(List<(Oid Oid, SnmpType Type, string Value)> expected, List<Variable> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Oid.ToString()), actual.Select(a => a.Oid.ToString()));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Type, actual[i].Value.Type);
            if (actual[i].Value is OctetString octets)
            {
                Assert.True(NetSnmpCli.SameOctets(expected[i].Value, octets.Value.Span), $"{expected[i].Oid}: {expected[i].Value} vs {octets.ToHex()}");
            }
            else if (NetSnmpCli.StableText(actual[i].Value) is { } text)
            {
                Assert.Equal(expected[i].Value, text);
            }
        }
    }
}
