using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Xunit.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>
/// The fleet against an influxd with authentication on, set up as docker-compose's influxdb image does: an admin, the
/// database, and a <c>fleet</c> user that is no admin and holds ALL on that database only (so CREATE DATABASE is refused
/// with "requires admin privilege").
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class InfluxAuthIngestTests(ITestOutputHelper output) : IDisposable
{
    private const string Database = "classroomfleet";
    private const string FleetUser = "fleet";
    private const string FleetPassword = "fleet-writer-pw";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_Fleet_User_That_Is_Not_Admin_Subscribes_And_Writes_To_The_Existing_Database()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        await using var influxd = new InfluxdProcess { AuthEnabled = true };
        await influxd.StartAsync(ct);
        await SetUpAsComposeDoesAsync(influxd.Url, ct);
        var asFleet = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = influxd.Url, Database = Database, Username = FleetUser, Password = FleetPassword });
        var refused = await Assert.ThrowsAsync<InfluxQueryException>(() => asFleet.CreateDatabaseAsync(Database, ct));
        Assert.Contains("requires admin privilege", refused.Message, StringComparison.Ordinal);

        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        await using var agent = new FakeAgent(broker.Host, broker.Port);
        await using var fleet = await FleetTestHost.StartAsync(
            broker.Host, broker.Port, influxd.Url, Database, "fleet-auth-" + agent.School, "auth" + agent.School,
            new Dictionary<string, string?> { ["Influx:Username"] = FleetUser, ["Influx:Password"] = FleetPassword }, ct);
        await fleet.Subscribed.WaitAsync(Patience, ct);
        await agent.StartAsync(ct);
        await agent.PublishAsync(FakeAgent.Batch(agent.School, 1, FakeAgent.Point(1)), ct);

        Assert.Equal(1, await FakeAgent.WaitForCountAsync(asFleet, agent.School, 1, Patience, ct));
        foreach (var line in fleet.Log.Lines)
        {
            output.WriteLine(line);
        }

        // The fleet asked before creating: one line at Information, no refused statement, no retry warning.
        Assert.Single(fleet.Log.Lines, l => l.StartsWith("Information", StringComparison.Ordinal)
            && l.Contains($"InfluxDB database {Database} exists", StringComparison.Ordinal));
        Assert.DoesNotContain(fleet.Log.Lines, l => IsWarningOrWorse(l) && l.Contains("InfluxDB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Database_The_User_May_Neither_See_Nor_Create_Stops_The_Ingest_With_The_Reason_Instead_Of_Retrying_Forever()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        await using var influxd = new InfluxdProcess { AuthEnabled = true };
        await influxd.StartAsync(ct);
        await SetUpAsComposeDoesAsync(influxd.Url, ct);

        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        var log = new CapturedLog();
        try
        {
            await using var fleet = await FleetTestHost.StartAsync(
                broker.Host, broker.Port, influxd.Url, "not_granted", "fleet-auth-missing", "authmissing",
                new Dictionary<string, string?> { ["Influx:Username"] = FleetUser, ["Influx:Password"] = FleetPassword }, log, ct);
            await Eventually.HoldsAsync(() => log.Lines.Any(IsRefusal), Patience, ct);
            Assert.False(fleet.Subscribed.IsCompleted);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The failed ingest stopped the host while it was still starting.
        }

        foreach (var line in log.Lines)
        {
            output.WriteLine(line);
        }

        Assert.Single(log.Lines, IsRefusal);
        Assert.DoesNotContain(log.Lines, l => l.Contains("ingest subscribed", StringComparison.OrdinalIgnoreCase) || l.Contains("retrying", StringComparison.Ordinal));

        static bool IsRefusal(string line) =>
            line.StartsWith("Critical", StringComparison.Ordinal)
            && line.Contains("InfluxDB refuses database not_granted to user fleet (403)", StringComparison.Ordinal)
            && line.Contains("requires admin privilege", StringComparison.Ordinal);
    }

    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal);

    /// <summary>What influxdb:1.8's entrypoint does with INFLUXDB_ADMIN_USER, INFLUXDB_DB and INFLUXDB_USER.</summary>
    private async Task SetUpAsComposeDoesAsync(Uri url, CancellationToken ct)
    {
        // With no user at all, influxd lets an anonymous request create the first admin.
        var bootstrap = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = url, Database = Database });
        (await bootstrap.QueryAsync("CREATE USER admin WITH PASSWORD 'admin-pw' WITH ALL PRIVILEGES", ct)).EnsureSuccess();
        var admin = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = url, Database = Database, Username = "admin", Password = "admin-pw" });
        await admin.CreateDatabaseAsync(Database, ct);
        (await admin.QueryAsync($"CREATE USER {FleetUser} WITH PASSWORD '{FleetPassword}'", ct)).EnsureSuccess();
        (await admin.QueryAsync($"GRANT ALL ON {InfluxQl.QuoteIdentifier(Database)} TO {FleetUser}", ct)).EnsureSuccess();
    }
}
