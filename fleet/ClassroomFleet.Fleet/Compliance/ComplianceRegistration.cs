using System.Text;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;
using ClassroomFleet.Fleet.Compliance.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Compliance;

// Configuration (all optional; defaults are the folders copied next to the executable):
//   "Compliance": { "PacksDirectory": "…/packs", "CalendarsDirectory": "…/calendars", "CountyFactsPath": "…/county.yaml",
//                   "Schedule": { "Enabled": false, "Interval": "01:00:00" } }

/// <summary>Registers the compliance engine and maps its API. The fleet's InfluxClient must be registered.</summary>
public static class ComplianceRegistration
{
    /// <summary>Registers everything once: a second call adds nothing (above all no second <see cref="ComplianceScheduler"/>).</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ComplianceMarker)))
        {
            return services;
        }

        services.AddSingleton<ComplianceMarker>();
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(MetricCatalogue.Default);
        services.AddSingleton(sp =>
        {
            var repository = new RulePackRepository(sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.PacksDirectory, sp.GetRequiredService<MetricCatalogue>(), sp.GetRequiredService<ILogger<RulePackRepository>>());
            repository.Reload();
            return repository;
        });
        services.AddSingleton(sp => CalendarStore.LoadDirectory(sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.CalendarsDirectory));
        services.TryAddSingleton<ISchoolFactsSource>(sp => new YamlSchoolFactsSource(sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.CountyFactsPath));
        services.TryAddTransient<IMeasurementSource, InfluxMeasurementSource>();
        services.AddTransient<ComplianceService>();
        services.AddOptions<ComplianceScheduleOptions>().BindConfiguration(ComplianceScheduleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ComplianceScheduleOptions>, ComplianceScheduleOptionsValidator>();
        services.TryAddSingleton<ComplianceSchedulerMetrics>();
        services.AddHostedService<ComplianceScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/compliance");
        group.MapGet("/{county}", async (string county, string? pack, string? at, ComplianceService service, TimeProvider time, CancellationToken ct) =>
            await Run(county, pack, at, service, time, e => Results.Json(ResultJson.Shape(e), ResultJson.Options), ct).ConfigureAwait(false));
        group.MapGet("/{county}/ledger.csv", async (string county, string? pack, string? at, string? lang, bool? unknown, ComplianceService service, TimeProvider time, CancellationToken ct) =>
            await Run(county, pack, at, service, time, e => Results.Text(LedgerCsvWriter.Write(e, Text(lang), unknown ?? false), "text/csv; charset=utf-8", Encoding.UTF8), ct).ConfigureAwait(false));
        group.MapGet("/{county}/report.html", async (string county, string? pack, string? at, string? lang, ComplianceService service, TimeProvider time, CancellationToken ct) =>
            await Run(county, pack, at, service, time, e => Results.Text(AuditHtmlReport.Render(e, Text(lang)), "text/html; charset=utf-8", Encoding.UTF8), ct).ConfigureAwait(false));
        return endpoints;
    }

    private static ReportText Text(string? lang) => lang is "en" ? ReportText.English : ReportText.Chinese;

    private static async Task<IResult> Run(string county, string? pack, string? at, ComplianceService service, TimeProvider time, Func<Evaluation.CountyEvaluation, IResult> render, CancellationToken ct)
    {
        if (!AuditInstant.TryParse(at, time, out var instant))
        {
            return Results.Problem($"at must be a date (yyyy-MM-dd) or an ISO 8601 instant, not '{at}'", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return render(await service.EvaluateAsync(county, pack, instant, ct).ConfigureAwait(false));
        }
        catch (ComplianceRequestException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }

    private sealed class ComplianceMarker;
}
