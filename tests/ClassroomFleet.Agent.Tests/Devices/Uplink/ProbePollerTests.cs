using System.Diagnostics;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Uplink;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Devices.Uplink;

/// <summary>The bandwidth probe against a stock <c>iperf3 -s</c> (a private one per test) and simulators/probe (HTTP).</summary>
[Trait("Category", "Integration")]
[Trait("requires", "iperf3")]
public sealed class ProbePollerTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-probe-").FullName;
    private readonly HttpClient _http = DeviceHttp.Create();
    private Iperf3Process _iperf3 = null!;

    public async Task InitializeAsync() => _iperf3 = await Iperf3Process.StartAsync();

    public async Task DisposeAsync() => await _iperf3.DisposeAsync();

    [Fact]
    public async Task An_Iperf3_Run_Yields_Both_Directions_With_Method_Server_Streams_And_Category()
    {
        var poller = await CreateAsync();
        var points = await poller.PollAsync(Probe("iperf3", _iperf3.Endpoint.ToString(), "both"));

        var run = Assert.Single(points, p => p.Measurement == "probe");
        Assert.Equal("ok", run.Strings!["outcome"]);
        var uplink = Assert.Single(points, p => p.Measurement == "uplink");
        Assert.Equal("iperf3", uplink.Tags!["method"]);
        Assert.Equal("rural", uplink.Tags["category"]);
        Assert.True(uplink.Floats!["down_bps"] > 1e6, $"down {uplink.Floats["down_bps"]}");
        Assert.True(uplink.Floats["up_bps"] > 1e6, $"up {uplink.Floats["up_bps"]}");
        Assert.Equal(2, uplink.Integers!["streams"]);
        Assert.Equal(12, uplink.Integers["classes"]);
        Assert.Equal(_iperf3.Endpoint.ToString(), uplink.Strings!["server"]);
        Assert.Equal("both", uplink.Strings["direction"]);
    }

    [Fact]
    public async Task A_Busy_Iperf3_Server_Is_Retried_Then_Skipped_With_A_Reason_Never_As_Zero()
    {
        var endpoint = _iperf3.Endpoint;
        // Another school's test holds the server (iperf3 runs one test at a time) for longer than all the retries.
        using var other = Process.Start(new ProcessStartInfo("iperf3", ["-c", endpoint.Address.ToString(), "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "30", "-b", "10M"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var poller = await CreateAsync(new HurriedTime(20));

            var points = await poller.PollAsync(Probe("iperf3", endpoint.ToString(), "down"));

            var run = Assert.Single(points);
            Assert.Equal("probe", run.Measurement);
            Assert.Equal("server_busy", run.Strings!["outcome"]);
            Assert.Equal(4, run.Integers!["attempts"]);
            Assert.DoesNotContain(points, p => p.Measurement == "uplink");
        }
        finally
        {
            other.Kill();
            await other.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_Refusing_Iperf3_Server_Is_Retried_Then_Skipped_As_Unavailable_Never_As_Zero()
    {
        var nobodyListens = MosquittoProcess.FreeTcpPort();
        var poller = await CreateAsync(new HurriedTime(20));

        var points = await poller.PollAsync(Probe("iperf3", $"127.0.0.1:{nobodyListens}", "both"));

        var run = Assert.Single(points);
        Assert.Equal("probe", run.Measurement);
        Assert.Equal("server_unavailable", run.Strings!["outcome"]);
        Assert.Equal(4, run.Integers!["attempts"]);
    }

    [Fact]
    public async Task A_Server_That_Refuses_Once_Between_Two_Tests_Still_Yields_A_Result()
    {
        var port = MosquittoProcess.FreeTcpPort();
        var poller = await CreateAsync(new HurriedTime(4));
        // Nothing listens at the first attempt; the server comes up during the retry delays, as a stock iperf3 -s
        // re-opens its listener after each test.
        var probing = poller.PollAsync(Probe("iperf3", $"127.0.0.1:{port}", "down"));
        await using var late = await Iperf3Process.StartAsync(port);

        var points = await probing;

        var run = Assert.Single(points, p => p.Measurement == "probe");
        Assert.Equal("ok", run.Strings!["outcome"]);
        Assert.True(run.Integers!["attempts"] > 1, $"attempts {run.Integers["attempts"]}");
        Assert.Single(points, p => p.Measurement == "uplink");
    }

    [Fact]
    public async Task An_Http_Probe_Downloads_And_Uploads_Against_The_Probe_Target()
    {
        await using var target = await ProbeSimulator.StartAsync();
        var poller = await CreateAsync();

        var points = await poller.PollAsync(Probe("http", $"http://127.0.0.1:{target.Port}/", "both", bytes: 20_000_000));

        var uplink = Assert.Single(points, p => p.Measurement == "uplink");
        Assert.Equal("http", uplink.Tags!["method"]);
        Assert.True(uplink.Floats!["down_bps"] > 1e6);
        Assert.True(uplink.Floats["up_bps"] > 1e6);
    }

    [Fact]
    public async Task Outside_Its_Windows_The_Probe_Does_Not_Run()
    {
        var poller = await CreateAsync();
        var now = TimeOnly.FromDateTime(DateTime.Now);
        var window = now.Hour >= 12 ? "00:00-00:01" : "23:58-23:59";

        var points = await poller.PollAsync(Probe("iperf3", _iperf3.Endpoint.ToString(), "down", window: window));

        Assert.Empty(points);
    }

    private static DeviceEntry Probe(string method, string server, string direction, long bytes = 50_000_000, string window = "00:00-23:59") => new()
    {
        Id = "probe-1",
        Kind = "probe",
        Probe = new ProbeEntry
        {
            Method = method,
            Server = server,
            Streams = 2,
            Duration = "1s",
            Direction = direction,
            Bytes = bytes,
            Windows = [window],
            Spread = "1s",
        },
    };

    private async Task<ProbePoller> CreateAsync(TimeProvider? time = null)
    {
        var path = Path.Combine(_folder, "school.yaml");
        await File.WriteAllTextAsync(path, """
            schema: classroomfleet.school/v1
            county: "410323"
            school: "4141032301"
            name: 测试教学点
            category: rural
            classes: { count: 12, as_of: 2026-09-01 }
            """);
        var provider = new SchoolFileProvider(Options.Create(new AgentOptions { SchoolFile = path, StateDirectory = _folder }), NullLogger<SchoolFileProvider>.Instance);
        Assert.NotNull(await provider.ReloadAsync());
        return new ProbePoller(provider, new HttpProbe(_http), time ?? TimeProvider.System, NullLogger<ProbePoller>.Instance);
    }

    /// <summary>The system clock, with timers (the retry delays) running <paramref name="factor"/> times faster.</summary>
    private sealed class HurriedTime(int factor) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, Hurry(dueTime), Hurry(period));

        private TimeSpan Hurry(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
