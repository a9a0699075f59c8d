using System.Text.Json;
using ClassroomFleet.Fleet.Compliance.Evaluation;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>Results as plain JSON objects (API and command line).</summary>
public static class ResultJson
{
    public static object Shape(CountyEvaluation evaluation) => new
    {
        county = evaluation.County.Code,
        name = evaluation.County.Name,
        at = evaluation.At,
        calendar = evaluation.CalendarId,
        telemetry_read = evaluation.TelemetryRead,
        metric_catalogue = Metrics.MetricCatalogue.CatalogueVersion,
        packs = evaluation.Packs.SelectMany(p => p.Chain).DistinctBy(p => p.Id).Select(p => new { id = p.Id, version = p.Version, document = p.DocumentNumber, hash = p.Hash }),
        aggregates = evaluation.Aggregates.Select(a => new { rule = a.Rule.Id, pass = a.Pass, fail = a.Fail, unknown = a.Unknown, not_applicable = a.NotApplicable, not_yet_due = a.NotYetDue, exempt = a.Exempt, bounds = a.BoundsText }),
        results = evaluation.Results.Select(r => new
        {
            site = r.Site,
            name = r.SiteName,
            rule = r.Rule.Id,
            pack = r.Pack.Id,
            pack_version = r.Pack.Version,
            pack_hash = r.Pack.Hash,
            applied_pack = r.AppliedBy?.Id,
            state = r.State.Code(),
            underlying = r.Underlying?.Code(),
            value = r.Value?.Approximate,
            upper = r.Upper?.Approximate,
            op = r.Rule.Compare.Symbol,
            threshold = r.Rule.Compare.Threshold,
            unit = r.Rule.Compare.Unit,
            method = r.Method,
            window = r.Window,
            samples = r.SamplesUsed,
            samples_required = r.SamplesRequired,
            reason = r.Reason?.Text,
            reason_text = r.Reason is { } reason ? ReportText.English.Reason(reason) : null,
            inputs = r.Inputs.Select(i => new { key = i.Key, name = ReportText.English.Render(i.Label), value = ReportText.English.Render(i.Value), source = ReportText.English.Render(i.Source), as_of = i.AsOf }),
            data_quality = r.DataQuality.Select(ReportText.English.Render),
            exemption = r.Exemption is { } x ? new { reason = x.Reason, approved_by = x.ApprovedBy, expires = x.Expires } : null,
            quote = r.Rule.Source.Quote,
            document = r.Rule.Source.DocumentNumber,
        }),
    };

    // Chinese text stays readable in the output; the JSON is served as application/json, never embedded in HTML.
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(CountyEvaluation evaluation) => JsonSerializer.Serialize(Shape(evaluation), Options);
}
