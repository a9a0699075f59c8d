using System.CommandLine;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;
using ClassroomFleet.Fleet.Compliance.Reports;
using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Cli;

/// <summary>
/// <c>fleetctl audit --county &lt;code&gt; [--pack &lt;id&gt;] [--at &lt;date&gt;] --format table|csv|json</c>: the same results as the
/// fleet API, from a county YAML facts file (--facts or CF_COUNTY_FACTS) and InfluxDB (--influx-url or CF_INFLUX_URL).
/// </summary>
public static class FleetCommands
{
    public static RootCommand Build()
    {
        var baseDir = AppContext.BaseDirectory;
        var county = new Option<string>("--county") { Description = "County code (GB/T 2260, 6 digits)", Required = true };
        var pack = new Option<string?>("--pack") { Description = "Evaluate only this pack (default: every pack in force for the county)" };
        var at = new Option<string?>("--at") { Description = "Audit instant: yyyy-MM-dd (end of that day, UTC+8) or ISO 8601; default now" };
        var format = new Option<string>("--format") { Description = "table, csv (台账 of non-compliant schools) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "html");
        var facts = new Option<string?>("--facts") { Description = "County facts YAML file or folder (env CF_COUNTY_FACTS)" };
        var influx = new Option<string?>("--influx-url") { Description = "InfluxDB base address (env CF_INFLUX_URL)" };
        var database = new Option<string>("--influx-db") { Description = "InfluxDB database", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CF_INFLUX_DB") ?? "classroomfleet" };
        var packs = new Option<string>("--packs") { Description = "Rule pack folder", DefaultValueFactory = _ => Path.Combine(baseDir, "Compliance", "packs") };
        var calendars = new Option<string>("--calendars") { Description = "Calendar folder", DefaultValueFactory = _ => Path.Combine(baseDir, "Compliance", "calendars") };
        var english = new Option<bool>("--english") { Description = "English labels in csv/html" };

        var audit = new Command("audit", "Evaluate the compliance rules for a county and print the results");
        foreach (var option in new Option[] { county, pack, at, format, facts, influx, database, packs, calendars, english })
        {
            audit.Options.Add(option);
        }

        audit.SetAction(async (parse, ct) =>
        {
            var factsPath = parse.GetValue(facts) ?? Environment.GetEnvironmentVariable("CF_COUNTY_FACTS") ?? Path.Combine(baseDir, "Compliance", "demo");
            var influxUrl = parse.GetValue(influx) ?? Environment.GetEnvironmentVariable("CF_INFLUX_URL");
            if (influxUrl is null || !Uri.TryCreate(influxUrl, UriKind.Absolute, out var influxUri))
            {
                await Console.Error.WriteLineAsync("fleetctl: give --influx-url or set CF_INFLUX_URL (http://host:port)").ConfigureAwait(false);
                return 2;
            }

            if (!AuditInstant.TryParse(parse.GetValue(at), TimeProvider.System, out var instant))
            {
                await Console.Error.WriteLineAsync($"fleetctl: --at must be yyyy-MM-dd or ISO 8601, not '{parse.GetValue(at)}'").ConfigureAwait(false);
                return 2;
            }

            var repository = new RulePackRepository(parse.GetValue(packs)!, MetricCatalogue.Default);
            var set = repository.Reload();
            foreach (var rejected in set.Rejected)
            {
                await Console.Error.WriteLineAsync($"fleetctl: pack {rejected.FileName} rejected: {string.Join(" | ", rejected.Errors)}").ConfigureAwait(false);
            }

            using var http = new HttpClient();
            var client = new InfluxClient(http, new InfluxClientOptions { BaseAddress = influxUri, Database = parse.GetValue(database)! });
            var service = new ComplianceService(new YamlSchoolFactsSource(factsPath), new InfluxMeasurementSource(client), repository, CalendarStore.LoadDirectory(parse.GetValue(calendars)!));
            try
            {
                var evaluation = await service.EvaluateAsync(parse.GetValue(county)!, parse.GetValue(pack), instant, ct).ConfigureAwait(false);
                var text = parse.GetValue(english) ? ReportText.English : ReportText.Chinese;
                Console.Out.Write(parse.GetValue(format) switch
                {
                    "csv" => LedgerCsvWriter.Write(evaluation, text),
                    "json" => ResultJson.Serialize(evaluation),
                    "html" => AuditHtmlReport.Render(evaluation, text),
                    _ => AuditTable.Render(evaluation),
                });
                return 0;
            }
            catch (ComplianceRequestException e)
            {
                await Console.Error.WriteLineAsync("fleetctl: " + e.Message).ConfigureAwait(false);
                return 2;
            }
            catch (InfluxQueryException e)
            {
                await Console.Error.WriteLineAsync("fleetctl: InfluxDB: " + e.Message).ConfigureAwait(false);
                return 3;
            }
        });

        var root = new RootCommand("ClassroomFleet command line for county auditors");
        root.Subcommands.Add(audit);
        return root;
    }
}
