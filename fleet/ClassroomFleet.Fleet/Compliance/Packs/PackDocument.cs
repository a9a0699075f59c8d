using YamlDotNet.Serialization;

namespace ClassroomFleet.Fleet.Compliance.Packs;

// The YAML shape of a rule pack (schema classroomfleet.rulepack/v1, POLICY-TARGETS §5.2). Unknown keys are load errors.

/// <summary>A rule pack file as written by a bureau.</summary>
public sealed class PackDocument
{
    public string? Schema { get; set; }

    public PackHeaderDocument? Pack { get; set; }

    public PackDefaultsDocument? Defaults { get; set; }

    public List<RuleDocument> Rules { get; set; } = [];

    public List<OverrideDocument> Overrides { get; set; } = [];

    public List<DisableDocument> Disable { get; set; } = [];

    public List<ExemptionDocument> Exemptions { get; set; } = [];
}

/// <summary>Chinese text with an English rendering.</summary>
public sealed class LocalizedTextDocument
{
    public string? Zh { get; set; }

    public string? En { get; set; }
}

/// <summary>Who issued the pack, from which document, for which jurisdiction.</summary>
public sealed class PackHeaderDocument
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public LocalizedTextDocument? Title { get; set; }

    public LocalizedTextDocument? Issuer { get; set; }

    public string? DocumentNumber { get; set; }

    public string? DocumentDate { get; set; }

    public PackSourceDocument? Source { get; set; }

    public JurisdictionDocument? Jurisdiction { get; set; }

    public List<string> Extends { get; set; } = [];

    public string? Status { get; set; }

    public ApprovalDocument? Approved { get; set; }
}

/// <summary>The source document of a pack: a seed file with its hash, or a public address.</summary>
public sealed class PackSourceDocument
{
    public string? File { get; set; }

    public string? Sha256 { get; set; }

    public string? Url { get; set; }
}

/// <summary>The administrative area (GB/T 2260 code) a pack applies to; 000000 means the whole country.</summary>
public sealed class JurisdictionDocument
{
    public string? AdminCode { get; set; }
}

/// <summary>Who approved the pack for use.</summary>
public sealed class ApprovalDocument
{
    public string? By { get; set; }

    public string? On { get; set; }

    public string? Ref { get; set; }
}

/// <summary>Pack-wide defaults.</summary>
public sealed class PackDefaultsDocument
{
    public string? Timezone { get; set; }

    public string? MissingData { get; set; }

    public string? RegistryMaxAge { get; set; }
}

/// <summary>One rule.</summary>
public sealed class RuleDocument
{
    public string? Id { get; set; }

    public LocalizedTextDocument? Title { get; set; }

    public RuleSourceDocument? Source { get; set; }

    public ScopeDocument? Scope { get; set; }

    public MetricDocument? Metric { get; set; }

    public CompareDocument? Compare { get; set; }

    public WindowDocument? Window { get; set; }

    public string? EffectiveFrom { get; set; }

    /// <summary>How the wording was read, for example 「到2017年年底」 = 2017-12-31, in Chinese with an English rendering.</summary>
    public LocalizedTextDocument? Reading { get; set; }

    public string? Severity { get; set; }

    public List<string> Evidence { get; set; } = [];

    public LocalizedTextDocument? Remediation { get; set; }

    public string? SupersededBy { get; set; }
}

/// <summary>Provenance of a rule or an override: clause, line in the source file, exact quote.</summary>
public sealed class RuleSourceDocument
{
    public string? DocumentNumber { get; set; }

    public string? Clause { get; set; }

    public int? Line { get; set; }

    public string? Quote { get; set; }

    public string? Url { get; set; }
}

/// <summary>Which entities a rule applies to.</summary>
public sealed class ScopeDocument
{
    public string? Entity { get; set; }

    public List<ScopeConditionDocument> All { get; set; } = [];
}

/// <summary>One condition on a scope field; exactly one operator is set.</summary>
public sealed class ScopeConditionDocument
{
    public string? Field { get; set; }

    public List<string>? In { get; set; }

    public List<string>? NotIn { get; set; }

    public string? Prefix { get; set; }

    [YamlMember(Alias = "equals")]
    public string? EqualTo { get; set; }
}

/// <summary>A catalogue metric (name@major) and its parameters.</summary>
public sealed class MetricDocument
{
    public string? Ref { get; set; }

    public Dictionary<string, object>? Params { get; set; }
}

/// <summary>Comparator, threshold and unit.</summary>
public sealed class CompareDocument
{
    public string? Op { get; set; }

    public object? Value { get; set; }

    public string? Unit { get; set; }
}

/// <summary>The evaluation window: <c>last: 20 school_days</c> and the school hours.</summary>
public sealed class WindowDocument
{
    public string? Last { get; set; }

    public List<string> Hours { get; set; } = [];

    /// <summary><c>include</c> (default) or <c>exclude</c>: whether the calendar's exam days count as window days.</summary>
    public string? ExamDays { get; set; }
}

/// <summary>A county's change to an inherited rule, with its reason and its own source.</summary>
public sealed class OverrideDocument
{
    public string? Rule { get; set; }

    public CompareDocument? Compare { get; set; }

    public Dictionary<string, object>? Params { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? Reason { get; set; }

    public RuleSourceDocument? Source { get; set; }
}

/// <summary>A county's decision not to apply an inherited rule.</summary>
public sealed class DisableDocument
{
    public string? Rule { get; set; }

    public string? Reason { get; set; }

    public RuleSourceDocument? Source { get; set; }
}

/// <summary>A waiver for one site and rule, with reason, approver and expiry.</summary>
public sealed class ExemptionDocument
{
    public string? Rule { get; set; }

    public string? Site { get; set; }

    public string? Reason { get; set; }

    public string? ApprovedBy { get; set; }

    public string? Expires { get; set; }
}
