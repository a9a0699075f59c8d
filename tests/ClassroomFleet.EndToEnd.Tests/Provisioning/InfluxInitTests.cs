using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClassroomFleet.Testing;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>
/// provisioning/influxdb/init.iql run the way the influxdb:1.8 image runs it (the database created first from
/// INFLUXDB_DB, then the whole file given to <c>influx -execute</c>), against a real influxd.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class InfluxInitTests
{
    [Fact]
    public async Task The_Init_File_Runs_As_The_Image_Runs_It_And_Makes_The_400_Day_Policy_The_Default()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var influxd = new InfluxdProcess();
        await influxd.StartAsync(timeout.Token);

        await InfluxAsync(influxd, "CREATE DATABASE classroomfleet", timeout.Token);
        // The image runs `influx -execute "$(cat file)"`: the shell's command substitution drops the trailing newlines.
        var file = (await File.ReadAllTextAsync(RepositoryPaths.Of("provisioning/influxdb/init.iql"), timeout.Token)).TrimEnd('\n');
        var (code, output) = await InfluxAsync(influxd, file, timeout.Token);
        Assert.True(code == 0 && !output.Contains("ERR", StringComparison.Ordinal), output);

        var (_, policies) = await InfluxAsync(influxd, "SHOW RETENTION POLICIES ON classroomfleet", timeout.Token, "-format", "json");
        var rows = JsonDocument.Parse(policies).RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")
            .EnumerateArray().Select(r => (Name: r[0].GetString(), Duration: r[1].GetString(), Default: r[4].GetBoolean())).ToList();
        var year = Assert.Single(rows, r => r.Name == "year");
        Assert.Equal("9600h0m0s", year.Duration);
        Assert.True(year.Default);
    }

    private static async Task<(int Code, string Output)> InfluxAsync(InfluxdProcess influxd, string statements, CancellationToken cancellationToken, params string[] extra)
    {
        var info = new ProcessStartInfo("influx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-host", "127.0.0.1", "-port", influxd.HttpPort.ToString(CultureInfo.InvariantCulture), .. extra, "-execute", statements])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
