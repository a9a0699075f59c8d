using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>space_coverage@1</c>: share of in-use spaces of the listed types with wired coverage (≥1 access port mapped to the
/// room), wireless coverage (an access point mapped to the room; in functional mode also seen up), or both (双网覆盖).
/// </summary>
public sealed class SpaceCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("room_types"),
        ParameterSpec.Choice("mode", null, "wired", "wireless", "both"),
        ParameterSpec.List("ap_device_classes", ["access_point"]),
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
        var types = parameters.List("room_types");
        var spaces = site.Rooms.Where(r => r.InUse && types.Contains(r.Type)).ToList();
        if (spaces.Count == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_ROOMS_IN_SCOPE"), method);
        }

        if (DeviceFilter.Create(parameters.List("ap_device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, []);
        }

        if (DeviceFilter.IsFunctional(parameters) && mode != "wired" && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, []);
        }

        var withAp = site.Devices.Where(filter.Counts).Select(d => d.Room).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var wired = spaces.Count(s => s.WiredPorts > 0);
        var wireless = spaces.Count(s => withAp.Contains(s.Id));
        var covered = spaces.Count(s => mode switch
        {
            "wired" => s.WiredPorts > 0,
            "wireless" => withAp.Contains(s.Id),
            _ => s.WiredPorts > 0 && withAp.Contains(s.Id),
        });
        var inputs = new List<EvidenceInput>
        {
            new("spaces in scope", spaces.Count.ToString(CultureInfo.InvariantCulture), "inventory"),
            new("wired", wired.ToString(CultureInfo.InvariantCulture), "inventory port→room map"),
            new("wireless", wireless.ToString(CultureInfo.InvariantCulture), $"inventory AP→room map, {filter.Mode}"),
        };
        return MetricOutcome.Of(new ExactRatio(covered * 100m, spaces.Count), $"{method} ({filter.Mode})", inputs);
    }
}
