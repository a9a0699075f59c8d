using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// Reads one rule pack file and validates everything that can be checked within the file: schema, unknown keys, metric
/// and parameters, units, thresholds, scope fields, duplicate rule ids, source quotes, windows and dates. Checks that
/// need other packs (extends, overrides) are done by <see cref="RulePackSet"/>.
/// </summary>
public sealed class RulePackLoader
{
    public const string Schema = "classroomfleet.rulepack/v1";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly MetricCatalogue _catalogue;

    public RulePackLoader(MetricCatalogue catalogue) => _catalogue = catalogue;

    public PackLoadResult LoadFile(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    public PackLoadResult Parse(byte[] content, string fileName)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        PackDocument document;
        try
        {
            document = Deserializer.Deserialize<PackDocument>(Encoding.UTF8.GetString(content)) ?? new PackDocument();
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            return new PackLoadResult(fileName, null, [$"{fileName}:{e.Start.Line}:{e.Start.Column}: {detail}"]);
        }

        var errors = new List<string>();
        var pack = Validate(document, fileName, hash, errors);
        return new PackLoadResult(fileName, errors.Count == 0 ? pack : null, errors);
    }

    private RulePack? Validate(PackDocument document, string file, string hash, List<string> errors)
    {
        if (document.Schema != Schema)
        {
            errors.Add($"{file}: schema must be '{Schema}'");
        }

        if (document.Pack is not { } header)
        {
            errors.Add($"{file}: pack is required");
            return null;
        }

        var id = Required(header.Id, $"{file}: pack.id", errors);
        var where = $"{file} pack {id}";
        var status = header.Status switch
        {
            "binding" or null => PackStatus.Binding,
            "informational" => PackStatus.Informational,
            "draft" => PackStatus.Draft,
            _ => Invalid(PackStatus.Draft, $"{where}: pack.status must be binding, informational or draft", errors),
        };
        var maxAge = ParseDays(document.Defaults?.RegistryMaxAge ?? "400d", $"{where}: defaults.registry_max_age", errors);
        if (document.Defaults?.Timezone is not (null or "Asia/Shanghai"))
        {
            errors.Add($"{where}: defaults.timezone must be Asia/Shanghai");
        }

        if (document.Defaults?.MissingData is not (null or "unknown"))
        {
            errors.Add($"{where}: defaults.missing_data must be 'unknown' (missing data is never PASS)");
        }

        var documentNumber = Required(header.DocumentNumber, $"{where}: pack.document_number", errors);
        var rules = new List<Rule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in document.Rules)
        {
            if (rule.Id is { } ruleId && !seen.Add(ruleId))
            {
                errors.Add($"{where}: duplicate rule id '{ruleId}'");
                continue;
            }

            if (ValidateRule(rule, id, documentNumber, header.Source?.File, header.Source?.Url, where, errors) is { } valid)
            {
                rules.Add(valid);
            }
        }

        var overrides = document.Overrides.Select((o, i) => ValidateOverride(o, $"{where} overrides[{i}]", errors)).OfType<PendingOverride>().ToList();
        var disabled = new List<DisabledRule>();
        for (var i = 0; i < document.Disable.Count; i++)
        {
            var d = document.Disable[i];
            var at = $"{where} disable[{i}]";
            var rule = Required(d.Rule, $"{at}.rule", errors);
            var reason = Required(d.Reason, $"{at}.reason", errors);
            if (Source(d.Source, null, null, null, $"{at}.source", requireLine: false, errors) is { } source)
            {
                disabled.Add(new DisabledRule(rule, id, reason, source));
            }
        }

        var exemptions = new List<Exemption>();
        for (var i = 0; i < document.Exemptions.Count; i++)
        {
            var x = document.Exemptions[i];
            var at = $"{where} exemptions[{i}]";
            var expires = ParseDate(x.Expires, $"{at}.expires", errors);
            exemptions.Add(new Exemption(Required(x.Rule, $"{at}.rule", errors), Required(x.Site, $"{at}.site", errors), Required(x.Reason, $"{at}.reason", errors), Required(x.ApprovedBy, $"{at}.approved_by", errors), expires ?? default, id));
        }

        return new RulePack
        {
            Id = id,
            Version = Required(header.Version, $"{where}: pack.version", errors),
            Title = Text(header.Title, $"{where}: pack.title", errors),
            Issuer = Text(header.Issuer, $"{where}: pack.issuer", errors),
            DocumentNumber = documentNumber,
            DocumentDate = header.DocumentDate is null ? null : ParseDate(header.DocumentDate, $"{where}: pack.document_date", errors),
            SourceFile = header.Source?.File,
            SourceSha256 = header.Source?.Sha256,
            SourceUrl = header.Source?.Url,
            AdminCode = header.Jurisdiction?.AdminCode is { Length: 6 } code && code.All(char.IsAsciiDigit)
                ? code
                : Invalid("", $"{where}: pack.jurisdiction.admin_code must be a 6-digit GB/T 2260 code", errors),
            Extends = header.Extends,
            Status = status,
            FileName = file,
            Hash = hash,
            RegistryMaxAge = maxAge,
            Rules = rules,
            Overrides = overrides,
            Disabled = disabled,
            Exemptions = exemptions,
        };
    }

    private Rule? ValidateRule(RuleDocument r, string packId, string documentNumber, string? file, string? url, string packWhere, List<string> errors)
    {
        var before = errors.Count;
        var id = Required(r.Id, $"{packWhere}: rule id", errors);
        var where = $"{packWhere} rule {id}";
        if (id.Length > 0 && !id.StartsWith(packId + ".", StringComparison.Ordinal))
        {
            errors.Add($"{where}: id must start with the pack id '{packId}.'");
        }

        var source = Source(r.Source, documentNumber, file, url, $"{where}: source", requireLine: file is not null, errors);
        var scope = Scope(r.Scope, where, errors);
        IMetric? metric = null;
        ParameterValues? parameters = null;
        if (r.Metric?.Ref is not { } metricRef)
        {
            errors.Add($"{where}: metric.ref is required");
        }
        else if ((metric = _catalogue.Find(metricRef)) is null)
        {
            errors.Add($"{where}: unknown metric '{metricRef}' (catalogue v{MetricCatalogue.CatalogueVersion}: {string.Join(", ", _catalogue.Ids)})");
        }
        else
        {
            parameters = ParameterBinder.Bind(r.Metric.Params, null, metric.Parameters, $"{where}: metric", errors);
            if (scope is not null && (scope.Entity == ScopeEntity.County) != (metric.Entity == MetricEntity.County))
            {
                errors.Add($"{where}: metric {metric.Id} is evaluated per {metric.Entity.ToString().ToLowerInvariant()}, but scope.entity is {scope.Entity.ToString().ToLowerInvariant()}");
            }
        }

        var compare = Compare(r.Compare, metric, parameters, $"{where}: compare", errors);
        var window = Window(r.Window, $"{where}: window", errors);
        var effective = ParseDate(r.EffectiveFrom, $"{where}: effective_from", errors);
        var severity = r.Severity switch
        {
            "critical" => Severity.Critical,
            "major" => Severity.Major,
            "minor" => Severity.Minor,
            "info" => Severity.Info,
            _ => Invalid(Severity.Info, $"{where}: severity must be critical, major, minor or info", errors),
        };
        var title = Text(r.Title, $"{where}: title", errors);
        var reading = r.Reading is null ? null : Text(r.Reading, $"{where}: reading", errors);
        var remediation = r.Remediation is null ? null : Text(r.Remediation, $"{where}: remediation", errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new Rule
        {
            Id = id,
            PackId = packId,
            Title = title,
            Source = source!,
            Scope = scope!,
            Metric = metric!,
            Parameters = parameters!,
            Compare = compare!,
            Window = window ?? (metric!.UsesTelemetry(parameters!) ? WindowSpec.Default : null),
            EffectiveFrom = effective!.Value,
            Reading = reading,
            Severity = severity,
            Remediation = remediation,
            Evidence = r.Evidence,
        };
    }

    private static PendingOverride? ValidateOverride(OverrideDocument o, string where, List<string> errors)
    {
        var before = errors.Count;
        var rule = Required(o.Rule, $"{where}.rule", errors);
        var reason = Required(o.Reason, $"{where}.reason", errors);
        var source = Source(o.Source, null, null, null, $"{where}.source", requireLine: false, errors);
        if (source is not null && string.IsNullOrWhiteSpace(source.DocumentNumber))
        {
            errors.Add($"{where}.source.document_number is required (the county's own 文号)");
        }

        Comparison? compare = null;
        if (o.Compare is { } c)
        {
            // The unit is checked against the metric when the override is applied to the inherited rule.
            compare = Compare(c, null, null, $"{where}.compare", errors);
        }

        var effective = o.EffectiveFrom is null ? null : ParseDate(o.EffectiveFrom, $"{where}.effective_from", errors);
        if (o.Compare is null && o.Params is null && o.EffectiveFrom is null)
        {
            errors.Add($"{where}: an override must change compare, params or effective_from");
        }

        return errors.Count > before ? null : new PendingOverride(rule, compare, o.Params, effective, reason, source!);
    }

    internal static Comparison? Compare(CompareDocument? c, IMetric? metric, ParameterValues? parameters, string where, List<string> errors)
    {
        if (c is null)
        {
            errors.Add($"{where} is required");
            return null;
        }

        var before = errors.Count;
        if (c.Op is null || !Comparison.Operators.TryGetValue(c.Op, out var op))
        {
            errors.Add($"{where}.op must be one of {string.Join(" ", Comparison.Operators.Keys)}");
            op = default;
        }

        decimal threshold = 0;
        if (c.Value is not string text || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out threshold))
        {
            errors.Add($"{where}.value must be a number, not '{(c.Value is string s ? s : c.Value is null ? "(empty)" : "(a " + (c.Value is List<object> ? "list" : "mapping") + ")")}'");
        }

        var unit = c.Unit ?? "";
        if (metric is not null && parameters is not null)
        {
            var expected = metric.UnitFor(parameters);
            if (unit != expected)
            {
                errors.Add($"{where}.unit: {Units.Explain(unit, expected) ?? $"unit '{unit}' does not match metric {metric.Id}, which is in '{expected}'"}");
            }
        }
        else if (unit.Length == 0)
        {
            errors.Add($"{where}.unit is required");
        }

        return errors.Count > before ? null : new Comparison(op, threshold, unit);
    }

    private static RuleSource? Source(RuleSourceDocument? s, string? documentNumber, string? file, string? url, string where, bool requireLine, List<string> errors)
    {
        if (s is null)
        {
            errors.Add($"{where} is required");
            return null;
        }

        if (string.IsNullOrWhiteSpace(s.Quote))
        {
            errors.Add($"{where}.quote is required (the exact wording of the source)");
            return null;
        }

        if (requireLine && s.Line is not > 0)
        {
            errors.Add($"{where}.line is required (the line of the quote in {file})");
            return null;
        }

        return new RuleSource(s.DocumentNumber ?? documentNumber ?? "", s.Clause, s.Line, s.Quote, file, s.Url ?? url);
    }

    private static RuleScope? Scope(ScopeDocument? s, string where, List<string> errors)
    {
        if (s is null)
        {
            errors.Add($"{where}: scope is required");
            return null;
        }

        var entity = s.Entity switch
        {
            "site" => ScopeEntity.Site,
            "county" => ScopeEntity.County,
            _ => Invalid(ScopeEntity.Site, $"{where}: scope.entity must be site or county", errors),
        };
        var conditions = new List<ScopeCondition>();
        for (var i = 0; i < s.All.Count; i++)
        {
            var c = s.All[i];
            var at = $"{where}: scope.all[{i}]";
            if (c.Field is null || !RuleScope.KnownFields.Contains(c.Field))
            {
                errors.Add($"{at}: unknown scope field '{c.Field}' (known: {string.Join(", ", RuleScope.KnownFields)})");
                continue;
            }

            var ops = new (ScopeOperator Op, IReadOnlyList<string>? Values)[]
            {
                (ScopeOperator.In, c.In), (ScopeOperator.NotIn, c.NotIn),
                (ScopeOperator.Prefix, c.Prefix is null ? null : [c.Prefix]), (ScopeOperator.EqualTo, c.EqualTo is null ? null : [c.EqualTo]),
            }.Where(o => o.Values is not null).ToList();
            if (ops.Count != 1)
            {
                errors.Add($"{at}: give exactly one of in, not_in, prefix, equals for '{c.Field}'");
                continue;
            }

            var (op, values) = (ops[0].Op, ops[0].Values!);
            if (InventoryVocabulary.ScopeValues(c.Field) is { } known)
            {
                var unknown = op == ScopeOperator.Prefix
                    ? values.Where(v => !known.Any(k => k.StartsWith(v, StringComparison.Ordinal))).ToList()
                    : values.Where(v => !known.Contains(v)).ToList();
                if (unknown.Count > 0)
                {
                    errors.Add($"{at}: {string.Join(", ", unknown.Select(v => $"'{v}'"))} {(op == ScopeOperator.Prefix ? "is not the start of any" : "is not a")} value of {c.Field} (known: {string.Join(", ", known)})");
                    continue;
                }
            }

            conditions.Add(new ScopeCondition(c.Field, op, values));
        }

        return new RuleScope(entity, conditions);
    }

    private static WindowSpec? Window(WindowDocument? w, string where, List<string> errors)
    {
        if (w is null)
        {
            return null;
        }

        var parts = (w.Last ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[1] != "school_days" || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 200)
        {
            errors.Add($"{where}.last must be 'N school_days' with N in 1..200, not '{w.Last}'");
            return null;
        }

        var hours = new List<HourRange>();
        foreach (var text in w.Hours)
        {
            if (HourRange.TryParse(text, out var range))
            {
                hours.Add(range);
            }
            else
            {
                errors.Add($"{where}.hours: '{text}' is not HH:mm-HH:mm");
            }
        }

        var skipExams = w.ExamDays switch
        {
            null or "include" => false,
            "exclude" => true,
            _ => Invalid(false, $"{where}.exam_days must be include or exclude, not '{w.ExamDays}'", errors),
        };
        return new WindowSpec(days, hours, skipExams);
    }

    private static LocalizedText Text(LocalizedTextDocument? t, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(t?.Zh))
        {
            errors.Add($"{where}.zh is required");
            return new LocalizedText("", "");
        }

        return new LocalizedText(t.Zh, t.En ?? "");
    }

    private static DateOnly? ParseDate(string? text, string where, List<string> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{where} must be a date yyyy-MM-dd, not '{text}'");
        return null;
    }

    private static TimeSpan ParseDays(string text, string where, List<string> errors)
    {
        if (text.EndsWith('d') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
        {
            return TimeSpan.FromDays(days);
        }

        errors.Add($"{where} must be a number of days such as 400d, not '{text}'");
        return TimeSpan.Zero;
    }

    private static string Required(string? value, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{where} is required");
            return "";
        }

        return value;
    }

    private static T Invalid<T>(T fallback, string error, List<string> errors)
    {
        errors.Add(error);
        return fallback;
    }
}
