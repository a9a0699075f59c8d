using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Agent.Tests.Cabinet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.School;

/// <summary>The school file in force across restarts: the last good file is kept and used when the new one is invalid.</summary>
public sealed class SchoolFileProviderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-school-").FullName;

    private string SchoolPath => Path.Combine(_folder, "school.yaml");

    private static string School(string address) => $"""
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 测试学校
        category: urban
        devices:
          - id: sw-core-1
            kind: switch
            address: {address}
            snmp: {"{"} version: v2c, credential: switch-ro {"}"}
        """;

    private (SchoolFileProvider Provider, ListLogger<SchoolFileProvider> Log) Start()
    {
        var log = new ListLogger<SchoolFileProvider>();
        var options = Options.Create(new AgentOptions { SchoolFile = SchoolPath, StateDirectory = Path.Combine(_folder, "state") });
        return (new SchoolFileProvider(options, log), log);
    }

    [Fact]
    public async Task After_A_Restart_With_A_Broken_File_The_Last_Good_One_Is_Polled_And_The_Error_Names_File_Line_And_Field()
    {
        await File.WriteAllTextAsync(SchoolPath, School("127.0.0.1:161"));
        var (first, _) = Start();
        using (first)
        {
            Assert.NotNull(await first.ReloadAsync());
            Assert.True(File.Exists(first.LastGoodPath));
        }

        await File.WriteAllTextAsync(SchoolPath, School("'not an address'"));
        var (restarted, log) = Start();
        using var _ = restarted;
        var current = await restarted.ReloadAsync();

        Assert.Equal("127.0.0.1:161", Assert.Single(current!.Devices).Address);
        Assert.True(restarted.UsingLastGood);
        Assert.Equal(1, restarted.Rejected);
        var error = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(SchoolPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 9: devices[0].address", error.Message, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.EventId == 2003);
    }

    [Fact]
    public async Task A_Fixed_File_Replaces_The_Last_Good_Copy_In_Force()
    {
        await File.WriteAllTextAsync(SchoolPath, School("127.0.0.1:161"));
        var (first, _) = Start();
        using (first)
        {
            await first.ReloadAsync();
        }

        await File.WriteAllTextAsync(SchoolPath, "schema: nope\n");
        var (provider, _) = Start();
        using var _ = provider;
        await provider.ReloadAsync();
        var changed = provider.Changed;
        await File.WriteAllTextAsync(SchoolPath, School("127.0.0.2:161"));

        var current = await provider.ReloadAsync();

        Assert.Equal("127.0.0.2:161", Assert.Single(current!.Devices).Address);
        Assert.False(provider.UsingLastGood);
        Assert.True(changed.IsCancellationRequested);
        Assert.Contains("127.0.0.2:161", await File.ReadAllTextAsync(provider.LastGoodPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_A_Last_Good_Copy_A_Broken_File_Leaves_Nothing_To_Poll()
    {
        await File.WriteAllTextAsync(SchoolPath, "county: [unclosed\n");
        var (provider, log) = Start();
        using var _ = provider;

        Assert.Null(await provider.ReloadAsync());
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(SchoolPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_Reloads_Put_One_File_In_Force_And_Keep_One_Copy()
    {
        // A large file, so that parsing takes long enough for unserialised reloads to overlap.
        var devices = string.Concat(Enumerable.Range(1, 1500).Select(i => $"\n  - {{ id: pc-{i}, kind: pc, address: 10.3.{i / 250}.{i % 250 + 1} }}"));
        await File.WriteAllTextAsync(SchoolPath, School("127.0.0.1:161") + devices + "\n");
        var (provider, log) = Start();
        using var _ = provider;

        using var go = new ManualResetEventSlim();
        var reloads = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            go.Wait();
            return provider.ReloadAsync();
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(reloads);

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Single(log.Entries, e => e.EventId == 2001);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
