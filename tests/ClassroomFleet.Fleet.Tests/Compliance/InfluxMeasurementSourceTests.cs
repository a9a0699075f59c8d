using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Reports;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The InfluxDB measurement source against the real influxd of scripts/services.sh (CF_INFLUX_URL).</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class InfluxMeasurementSourceTests : IAsyncLifetime, IDisposable
{
    private const string UrbanRule = "ly15-265.net.bw-per-class.urban";
    private readonly string _database = "cf_compliance_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _http = new();
    private InfluxClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        await _client.CreateDatabaseAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _client.DropDatabaseAsync(_database);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Late_spooled_probes_count_by_sample_time_and_change_the_verdict_of_a_closed_window()
    {
        var days = ComplianceTestData.Calendar.LastSchoolDays(ChinaTime.DateOf(ComplianceTestData.At), 10)!;
        await WriteProbesAsync("4103990001", days.Take(7), 280e6);
        // Passive utilisation is demand, not capacity: a huge passive value must not be read as a probe.
        await WriteAsync(b => b.Point("uplink").Tag("county", "410399").Tag("school", "4103990001").Tag("device", "sw-core").Tag("method", "passive")
            .Field("down_bps", 9e9).Timestamp(Nanos(At(days[8], 9))));
        var source = new InfluxMeasurementSource(_client);
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };

        var before = (await ComplianceTestData.EvaluateAsync(packs, source)).Result("4103990001", UrbanRule);
        Assert.Equal(ComplianceState.Unknown, before.State);
        Assert.Equal("INSUFFICIENT_SAMPLES(7/10)", before.Reason!.Text);

        // The agent's spool arrives after the audit instant, carrying the sample times of three school days in the window.
        await WriteProbesAsync("4103990001", days.Skip(7), 280e6);
        var after = (await ComplianceTestData.EvaluateAsync(packs, source)).Result("4103990001", UrbanRule);

        Assert.Equal(ComplianceState.Pass, after.State);
        Assert.Equal("10", after.Value!.Value.Display());
        Assert.Equal(10, after.SamplesUsed);
    }

    [Fact]
    public async Task Probes_outside_school_hours_or_days_are_not_counted()
    {
        var days = ComplianceTestData.Calendar.LastSchoolDays(ChinaTime.DateOf(ComplianceTestData.At), 10)!;
        await WriteProbesAsync("4103990002", days, 280e6, hour: 20); // evening, outside 08:00-12:00 and 14:00-17:30
        var saturday = new DateOnly(2025, 11, 15);
        await WriteProbesAsync("4103990002", [saturday], 280e6);

        var set = await new InfluxMeasurementSource(_client).GetAsync("410399", At(days[0], 0), ComplianceTestData.At);
        Assert.Equal(10, set.For("4103990002").Probes.Count); // 9 evenings + the Saturday; the 20:00 probe of the audit day is after the instant
        var result = (await ComplianceTestData.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("ly15-265")!], new InfluxMeasurementSource(_client))).Result("4103990002", UrbanRule);
        Assert.Equal("NO_PROBE_DATA", result.Reason!.Text);
    }

    [Fact]
    public async Task Results_written_as_line_protocol_are_stored_by_influxd_with_their_tags_and_fields()
    {
        var evaluation = await ComplianceTestData.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("ly15-265")!], ComplianceTestData.SyntheticTelemetry());
        using var buffer = new LineProtocolBuffer();
        ComplianceLineProtocol.WriteAll(buffer, evaluation.Results);
        Assert.True((await _client.WriteAsync(buffer.WrittenMemory)).IsSuccess);

        var result = (await _client.QueryAsync("SELECT \"value\", \"threshold\", \"samples\", \"reason\", \"state\" FROM \"compliance\" WHERE \"rule\" = 'ly15-265.net.bw-per-class.urban' AND \"school\" = '4103990002'")).EnsureSuccess();
        var series = Assert.Single(result.Series);
        Assert.Equal("FAIL", series.GetString(0, "state"));
        Assert.Equal(9.6774, series.GetDouble(0, "value")!.Value, 4);
        Assert.Equal(10, series.GetDouble(0, "threshold"));
        Assert.Equal(10, series.GetInt64(0, "samples"));

        var unknown = (await _client.QueryAsync("SELECT \"reason\" FROM \"compliance\" WHERE \"school\" = '4103990003' AND \"rule\" = 'ly15-265.net.bw-per-class.rural'")).EnsureSuccess();
        Assert.Equal("INSUFFICIENT_SAMPLES(7/10)", Assert.Single(unknown.Series).GetString(0, "reason"));
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset);

    private static long Nanos(DateTimeOffset t) => t.ToUnixTimeMilliseconds() * 1_000_000;

    private async Task WriteProbesAsync(string school, IEnumerable<DateOnly> days, double bps, int hour = 10)
    {
        await WriteAsync(buffer =>
        {
            foreach (var day in days)
            {
                buffer.Point("uplink").Tag("county", "410399").Tag("school", school).Tag("device", "gw").Tag("method", "iperf3")
                    .Field("down_bps", bps).Field("up_bps", bps / 5).Field("link_speed_mbps", 1000.0).Timestamp(Nanos(At(day, hour)));
                buffer.Point("device").Tag("county", "410399").Tag("school", school).Tag("device", "gw").Tag("kind", "gateway")
                    .Field("up", true).Timestamp(Nanos(At(day, hour)));
            }
        });
    }

    private async Task WriteAsync(Action<LineProtocolBuffer> fill)
    {
        using var buffer = new LineProtocolBuffer();
        fill(buffer);
        var result = await _client.WriteAsync(buffer.WrittenMemory);
        Assert.True(result.IsSuccess, result.Error);
    }
}
