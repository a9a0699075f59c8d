using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClassroomFleet.Contracts.Topics;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// What the agent says about itself, read where operators read it: the retained status on the real broker (birth, last
/// will after kill -9, goodbye after SIGTERM), /healthz and /metrics while it publishes, while the fleet is away and after.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class StatusAndHealthTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Agent__ConfigVersion"] = "42",
        ["Agent__StatusInterval"] = "00:00:01",
    };

    [Fact]
    public async Task Status_Healthz_And_Metrics_Tell_The_Truth_Through_Publishing_An_Outage_A_Kill_And_A_Stop()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 3, interval: "250ms");
        await rig.StartFleetAsync();
        var agent = rig.StartAgent(run: 1, extra: Settings);
        await rig.WaitForLedgerAsync(30, TimeSpan.FromSeconds(30));
        await WaitForMetricAsync(rig, "cf_agent_acks_total{result=\"applied\"}", v => v > 0);

        var birth = await RetainedStatusAsync(rig, s => s.GetProperty("online").GetBoolean());
        Assert.Equal("fault-agent", birth.GetProperty("agent").GetString());
        Assert.False(string.IsNullOrEmpty(birth.GetProperty("version").GetString()));
        Assert.Equal(42, birth.GetProperty("config_version").GetInt64());
        Assert.True(birth.GetProperty("outbox_depth").GetInt64() >= 0);
        var lastPoll = birth.GetProperty("last_poll").GetProperty("cabinet").GetDateTimeOffset();
        Assert.InRange(DateTimeOffset.UtcNow - lastPoll, TimeSpan.Zero - TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

        Assert.Equal(200, await rig.HealthStatusAsync());
        var health = await HealthBodyAsync(rig);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("outbox_writable").GetBoolean());
        Assert.True(health.GetProperty("mqtt_connected").GetBoolean());

        var text = await MetricsTextAsync(rig);
        AssertWellFormedExposition(text);
        var metrics = await rig.MetricsAsync();
        Assert.True(metrics["cf_agent_published_total"] > 0);
        Assert.True(metrics["cf_agent_acked_batches_total"] > 0);
        Assert.Equal(0, metrics["cf_agent_acks_total{result=\"foreign_fleet\"}"]);
        Assert.Equal(1, metrics["cf_agent_info{version=\"" + birth.GetProperty("version").GetString() + "\",config_version=\"42\"}"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - metrics["cf_agent_last_poll_timestamp_seconds{kind=\"cabinet\"}"], -2, 10);
        Assert.Equal(1, metrics["cf_agent_mqtt_connected"]);

        // The fleet away for longer than Outbox:AckTimeout (5 s): depth and age grow, the agent republishes (event 2205).
        await rig.StopFleetAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        var away = await rig.MetricsAsync();
        Assert.True(away["cf_agent_outbox_depth"] > 50, $"depth {away["cf_agent_outbox_depth"]}");
        Assert.True(away["cf_agent_outbox_oldest_age_seconds"] > 5, $"oldest {away["cf_agent_outbox_oldest_age_seconds"]} s");
        Assert.True(away["cf_agent_republished_total"] > 0);
        Assert.Equal(0, away["cf_agent_republished_unverified_total"]);
        Assert.Equal(200, await rig.HealthStatusAsync());
        var duringOutage = await RetainedStatusAsync(rig, s => s.GetProperty("outbox_depth").GetInt64() > 50);
        Assert.True(duringOutage.GetProperty("outbox_oldest_age_s").GetDouble() > 3);

        await rig.StartFleetAsync();
        await WaitForMetricAsync(rig, "cf_agent_outbox_depth", v => v < 30);
        // A batch the broker could not queue for the absent fleet waits for its ack timeout (5 s) to be sent again,
        // so the oldest age comes back to live levels a little after the depth does.
        await WaitForMetricAsync(rig, "cf_agent_outbox_oldest_age_seconds", v => v < 5);

        // kill -9: the broker publishes the last will, retained.
        await agent.KillAsync();
        await agent.DisposeAsync();
        var will = await RetainedStatusAsync(rig, s => !s.GetProperty("online").GetBoolean());
        Assert.Equal("fault-agent", will.GetProperty("agent").GetString());
        Assert.Equal(42, will.GetProperty("config_version").GetInt64());

        // A new run is born again; SIGTERM then leaves a goodbye.
        await using var again = rig.StartAgent(run: 2, extra: Settings);
        await RetainedStatusAsync(rig, s => s.GetProperty("online").GetBoolean());
        var stop = Stopwatch.StartNew();
        await again.StopAsync();
        rig.Log($"graceful stop took {stop.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(20), "the stop must stay within Agent:ShutdownTimeout (15 s) and some slack");
        var goodbye = await RetainedStatusAsync(rig, s => !s.GetProperty("online").GetBoolean());
        Assert.Equal(42, goodbye.GetProperty("config_version").GetInt64());
    }

    // Every sample's metric name was announced by # HELP and # TYPE before it (Prometheus text format 0.0.4).
    private static void AssertWellFormedExposition(string text)
    {
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(parts[3] is "counter" or "gauge", line);
                typed.Add(parts[2]);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var name = line[..line.IndexOfAny(['{', ' '])];
            Assert.True(typed.Contains(name), $"sample {name} without # TYPE");
            Assert.True(double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out _), line);
        }
    }

    private static async Task WaitForMetricAsync(FaultRig rig, string name, Func<double, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await rig.MetricsAsync()).TryGetValue(name, out var value) && condition(value))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{name} never met the condition within 60 s");
    }

    private static async Task<JsonElement> RetainedStatusAsync(FaultRig rig, Func<JsonElement, bool> condition)
    {
        var topic = Topics.Status(FaultRig.County, rig.School);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var last = "(nothing retained)";
        while (DateTime.UtcNow < deadline)
        {
            var info = new ProcessStartInfo("mosquitto_sub") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "-h", rig.Mosquitto.Host, "-p", rig.Mosquitto.Port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-C", "1", "-W", "3", "--retained-only" })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var payload = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
            if (payload.StartsWith('{'))
            {
                last = payload;
                var status = JsonDocument.Parse(payload).RootElement.Clone();
                if (condition(status))
                {
                    return status;
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the retained status never met the condition within 30 s; last: {last}");
        return default;
    }

    private static async Task<JsonElement> HealthBodyAsync(FaultRig rig)
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{rig.HealthPort}/healthz"));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string> MetricsTextAsync(FaultRig rig)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{rig.HealthPort}/metrics"));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }
}
