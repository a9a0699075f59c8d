using System.CommandLine;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;
using ClassroomFleet.Fleet.Compliance.Reports;
using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Cli.Commands.Audit;

/// <summary>
/// <c>fleetctl audit --county &lt;code&gt; [--pack &lt;id&gt;] [--at &lt;date&gt;] --format table|csv|json|html [--lang zh|en]</c>: the same
/// results as the fleet API, from a county YAML facts file (--facts or CF_COUNTY_FACTS) and InfluxDB (--influx-url or
/// CF_INFLUX_URL). Without InfluxDB (or with --facts-only) the audit runs on the facts alone: the inventory and register
/// rules are judged, the telemetry rules are UNKNOWN with reason NO_TELEMETRY. Exit codes: see <see cref="ExitCodes"/>.
/// </summary>
public static class AuditCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var baseDir = AppContext.BaseDirectory;
        var county = new Option<string>("--county") { Description = "County code (GB/T 2260, 6 digits)", Required = true };
        var pack = new Option<string?>("--pack") { Description = "Evaluate only this pack (default: every pack in force for the county)" };
        var at = new Option<string?>("--at") { Description = "Audit instant: yyyy-MM-dd (end of that day, UTC+8) or ISO 8601; default now" };
        var format = new Option<string>("--format") { Description = "table, csv (台账 of non-compliant schools), json or html (printable report)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "html");
        var lang = new Option<string>("--lang") { Description = "Language of table, csv and html: zh (default) or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var unknown = new Option<bool>("--with-unknown") { Description = "csv: also list the UNKNOWN results (with their reasons)" };
        var facts = new Option<string?>("--facts") { Description = "County facts YAML file or folder (env CF_COUNTY_FACTS; default: the demo county)" };
        var influx = new Option<string?>("--influx-url") { Description = "InfluxDB base address (env CF_INFLUX_URL); without it the audit is facts-only" };
        var factsOnly = new Option<bool>("--facts-only") { Description = "Do not read InfluxDB even if an address is set: telemetry rules are UNKNOWN (NO_TELEMETRY)" };
        var database = new Option<string>("--influx-db") { Description = "InfluxDB database (env CF_INFLUX_DB)", DefaultValueFactory = _ => environment("CF_INFLUX_DB") ?? "classroomfleet" };
        var packs = new Option<string>("--packs") { Description = "Rule pack folder", DefaultValueFactory = _ => Path.Combine(baseDir, "Compliance", "packs") };
        var calendars = new Option<string>("--calendars") { Description = "Calendar folder", DefaultValueFactory = _ => Path.Combine(baseDir, "Compliance", "calendars") };

        var command = new Command("audit", "Evaluate the compliance rules for a county and print the results (exit 0 done, 1 bad arguments, 2 unknown county/pack or unusable file, 3 InfluxDB error)");
        foreach (var option in new Option[] { county, pack, at, format, lang, unknown, facts, influx, factsOnly, database, packs, calendars })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!AuditInstant.TryParse(parse.GetValue(at), TimeProvider.System, out var instant))
            {
                await error.WriteLineAsync($"fleetctl: --at must be yyyy-MM-dd or ISO 8601, not '{parse.GetValue(at)}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var influxUrl = parse.GetValue(factsOnly) ? null : parse.GetValue(influx) ?? environment("CF_INFLUX_URL");
            Uri? influxUri = null;
            if (influxUrl is not null && (!Uri.TryCreate(influxUrl, UriKind.Absolute, out influxUri) || influxUri.Scheme is not ("http" or "https")))
            {
                await error.WriteLineAsync($"fleetctl: --influx-url must be an absolute address such as http://127.0.0.1:8086, not '{influxUrl}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (influxUri is null)
            {
                await error.WriteLineAsync("fleetctl: facts-only audit (no --influx-url, CF_INFLUX_URL or --facts-only): rules that need telemetry are UNKNOWN (NO_TELEMETRY)").ConfigureAwait(false);
            }

            using var http = new HttpClient();
            try
            {
                var repository = new RulePackRepository(parse.GetValue(packs)!, MetricCatalogue.Default);
                var set = repository.Reload();
                foreach (var rejected in set.Rejected)
                {
                    await error.WriteLineAsync($"fleetctl: pack {rejected.FileName} rejected: {string.Join(" | ", rejected.Errors)}").ConfigureAwait(false);
                }

                IMeasurementSource telemetry = influxUri is null
                    ? new NoTelemetrySource()
                    : new InfluxMeasurementSource(new InfluxClient(http, new InfluxClientOptions { BaseAddress = influxUri, Database = parse.GetValue(database)! }));
                var factsPath = parse.GetValue(facts) ?? environment("CF_COUNTY_FACTS") ?? Path.Combine(baseDir, "Compliance", "demo");
                var service = new ComplianceService(new YamlSchoolFactsSource(factsPath), telemetry, repository, CalendarStore.LoadDirectory(parse.GetValue(calendars)!));
                var evaluation = await service.EvaluateAsync(parse.GetValue(county)!, parse.GetValue(pack), instant, ct).ConfigureAwait(false);
                await output.WriteAsync(Render(evaluation, parse.GetValue(format)!, parse.GetValue(lang) == "en" ? ReportText.English : ReportText.Chinese, parse.GetValue(unknown))).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is ComplianceRequestException or CountyFactsLoadException or CalendarLoadException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync("fleetctl: " + e.Message).ConfigureAwait(false);
                return ExitCodes.BadRequest;
            }
            catch (Exception e) when (e is InfluxQueryException or HttpRequestException)
            {
                await error.WriteLineAsync("fleetctl: InfluxDB: " + e.Message).ConfigureAwait(false);
                return ExitCodes.TelemetryUnavailable;
            }
        });
        return command;
    }

    private static string Render(CountyEvaluation evaluation, string format, ReportText text, bool withUnknown) => format switch
    {
        "csv" => LedgerCsvWriter.Write(evaluation, text, withUnknown),
        "json" => ResultJson.Serialize(evaluation),
        "html" => AuditHtmlReport.Render(evaluation, text),
        _ => AuditTable.Render(evaluation, text),
    };
}
