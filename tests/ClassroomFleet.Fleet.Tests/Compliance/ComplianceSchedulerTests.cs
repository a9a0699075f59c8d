using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The scheduled evaluation against the real influxd of scripts/services.sh (CF_INFLUX_URL), database of its own.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class ComplianceSchedulerTests : IAsyncLifetime, IDisposable
{
    private readonly string _database = "cf_schedule_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _http = new();
    private InfluxClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        await _client.CreateDatabaseAsync(_database);
    }

    public async Task DisposeAsync() => await _client.DropDatabaseAsync(_database);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task One_run_writes_the_synthetic_county_verdicts_as_compliance_points()
    {
        using var provider = Services(ComplianceTestData.CountyFile, enabled: false);
        var scheduler = provider.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();

        var written = await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.True(written > 0);
        Assert.Equal(written, provider.GetRequiredService<ComplianceSchedulerMetrics>().PointsWritten);
        Assert.Equal("PASS", await StateAsync("4103990001", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("FAIL", await StateAsync("4103990002", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("UNKNOWN", await StateAsync("4103990004", "ly15-265.net.bw-per-class.rural"));
        Assert.Equal("FAIL", await StateAsync("4103990009", "cn-national.net.bw-100m"));
        Assert.Equal("UNKNOWN", await StateAsync("410399", "cn-national.agg.access-98"));
    }

    [Fact]
    public async Task A_county_that_fails_is_counted_and_the_other_counties_are_still_written()
    {
        var folder = Directory.CreateTempSubdirectory("cf-schedule-");
        try
        {
            File.Copy(ComplianceTestData.CountyFile, Path.Combine(folder.FullName, "a-synthetic.yaml"));
            // A county whose calendar is not loaded: its evaluation throws, the synthetic county must still be stored.
            var other = File.ReadAllText(ComplianceTestData.CountyFile).Replace("code: \"410399\"", "code: \"410398\"", StringComparison.Ordinal)
                .Replace("calendar: cn-henan-2025-2026", "calendar: no-such-calendar", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "b-broken.yaml"), other);
            using var provider = Services(folder.FullName, enabled: false);
            var scheduler = provider.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
            var metrics = provider.GetRequiredService<ComplianceSchedulerMetrics>();

            await scheduler.RunOnceAsync(CancellationToken.None);
            await scheduler.RunOnceAsync(CancellationToken.None);

            Assert.Equal(2, metrics.Runs);
            Assert.Equal(2, metrics.Failures);
            Assert.Equal(2, metrics.CountiesWritten);
            Assert.Equal("PASS", await StateAsync("4103990001", "ly15-265.net.bw-per-class.urban"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Enabled_the_hosted_service_runs_again_after_each_interval_and_disabled_it_never_runs()
    {
        using (var disabled = Services(ComplianceTestData.CountyFile, enabled: false))
        {
            var service = disabled.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
            await service.StartAsync(CancellationToken.None);
            await (service.ExecuteTask ?? Task.CompletedTask);
            Assert.Equal(0, disabled.GetRequiredService<ComplianceSchedulerMetrics>().Runs);
        }

        using var enabled = Services(ComplianceTestData.CountyFile, enabled: true, interval: "00:00:01");
        var scheduler = enabled.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
        var metrics = enabled.GetRequiredService<ComplianceSchedulerMetrics>();
        await scheduler.StartAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (metrics.Runs < 2)
        {
            await Task.Delay(50, deadline.Token);
        }

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal(0, metrics.Failures);
    }

    private ServiceProvider Services(string countyFacts, bool enabled, string interval = "01:00:00")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Compliance:PacksDirectory"] = ComplianceTestData.PacksDirectory,
            ["Compliance:CalendarsDirectory"] = Path.GetDirectoryName(ComplianceTestData.CalendarFile),
            ["Compliance:CountyFactsPath"] = countyFacts,
            ["Compliance:Schedule:Enabled"] = enabled ? "true" : "false",
            ["Compliance:Schedule:Interval"] = interval,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(ComplianceTestData.At));
        services.AddSingleton(_client);
        services.AddSingleton<IMeasurementSource>(ComplianceTestData.SyntheticTelemetry());
        services.AddCompliance();
        return services.BuildServiceProvider();
    }

    private async Task<string?> StateAsync(string school, string rule)
    {
        var result = (await _client.QueryAsync($"SELECT \"reason\", \"state\" FROM \"compliance\" WHERE \"school\" = '{school}' AND \"rule\" = '{rule}'")).EnsureSuccess();
        return Assert.Single(result.Series).GetString(0, "state");
    }

    /// <summary>Now is always the synthetic county's audit instant; delays still elapse in real time.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
