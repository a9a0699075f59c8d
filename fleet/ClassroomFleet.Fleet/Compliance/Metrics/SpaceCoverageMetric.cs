using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>space_coverage@1</c>: share of in-use spaces of the listed types with wired coverage (≥1 access port mapped to the
/// room), wireless coverage (an access point mapped to the room; in functional mode also seen up), or both (双网覆盖).
/// No room inventory is UNKNOWN, as for <see cref="RoomCoverageMetric"/>.
/// </summary>
public sealed class SpaceCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("room_types", ParameterVocabulary.RoomTypes),
        ParameterSpec.Choice("mode", null, "wired", "wireless", "both"),
        ParameterSpec.List("ap_device_classes", ParameterVocabulary.DeviceClasses, ["access_point"]),
        DeviceFilter.CountModeSpec,
    ];

    public string Name => "space_coverage";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.Percent;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        var mode = parameters.Choice("mode");
        var method = $"spaces with {mode} coverage ÷ spaces in scope";
        var selection = RoomSelection.Of(site, parameters.List("room_types"));
        if (selection.Problem is { } problem)
        {
            return problem.Code == "ALL_ROOMS_EXCLUDED"
                ? MetricOutcome.NotApplicable(problem, method, selection.Inputs)
                : MetricOutcome.Unknown(problem, method, selection.Inputs);
        }

        if (DeviceFilter.Create(parameters.List("ap_device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, selection.Inputs);
        }

        if (DeviceFilter.IsFunctional(parameters) && mode != "wired" && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, selection.Inputs);
        }

        var spaces = selection.InUse;
        var withAp = filter.RoomsWithAny(site.Devices);
        var wired = spaces.Count(s => s.WiredPorts > 0);
        var wireless = spaces.Count(s => withAp.Contains(s.Id));
        var covered = spaces.Where(s => mode switch
        {
            "wired" => s.WiredPorts > 0,
            "wireless" => withAp.Contains(s.Id),
            _ => s.WiredPorts > 0 && withAp.Contains(s.Id),
        }).ToList();
        var inputs = new List<EvidenceInput>(selection.Inputs)
        {
            new(Phrase.Of("input.spaces_in_scope"), Phrase.Plain(spaces.Count.ToString(CultureInfo.InvariantCulture)), Phrase.Of("source.inventory")),
            new(Phrase.Of("input.spaces_wired"), Phrase.Plain(wired.ToString(CultureInfo.InvariantCulture)), Phrase.Of("source.port_map")),
            new(Phrase.Of("input.spaces_wireless"), Phrase.Plain(wireless.ToString(CultureInfo.InvariantCulture)), filter.IsFunctionalMode ? Phrase.Of("source.ap_map_functional") : Phrase.Of("source.ap_map")),
        };
        var missing = spaces.Except(covered).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            inputs.Add(new EvidenceInput(Phrase.Of("input.spaces_without"), Phrase.Plain(string.Join(" ", missing.Take(20)) + (missing.Count > 20 ? " …" : "")), Phrase.Of("source.inventory")));
        }

        return MetricOutcome.Of(new ExactRatio(covered.Count * 100m, spaces.Count), $"{method} ({(filter.IsFunctionalMode ? "functional" : "installed")})", inputs, Phrase.Of("detail.spaces_covered", covered.Count, spaces.Count));
    }
}
