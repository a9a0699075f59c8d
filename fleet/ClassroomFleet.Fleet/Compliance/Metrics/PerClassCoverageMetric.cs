using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>per_class_coverage@1</c>: share of classes (班级数 from the register) whose home room has a device of the listed
/// classes (多媒体到班率). A class without a known home room counts as not covered.
/// </summary>
public sealed class PerClassCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs = [ParameterSpec.List("device_classes"), DeviceFilter.CountModeSpec];

    public string Name => "per_class_coverage";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.Percent;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        const string method = "classes whose home room has the device ÷ classes";
        if (RegistryCheck.Problem(site.Classes, "class", context) is { } problem)
        {
            return MetricOutcome.Unknown(problem, method, []);
        }

        if (site.Classes!.Value == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_CLASSES"), method, [RegistryCheck.Input("classes", site.Classes)]);
        }

        if (site.ClassList.Count == 0)
        {
            return MetricOutcome.Unknown(Reason.Of("NO_CLASS_ROOM_MAP"), method, [RegistryCheck.Input("classes", site.Classes)]);
        }

        if (DeviceFilter.Create(parameters.List("device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, []);
        }

        var equippedRooms = site.Devices.Where(filter.Counts).Select(d => d.Room).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var covered = site.ClassList.Count(c => c.HomeRoom is { } room && equippedRooms.Contains(room));
        var inputs = new List<EvidenceInput>
        {
            RegistryCheck.Input("classes", site.Classes),
            new("classes with equipped home room", covered.ToString(CultureInfo.InvariantCulture), $"inventory class→room map, {filter.Mode}"),
        };
        var quality = site.ClassList.Count != site.Classes.Value
            ? [$"register lists {site.Classes.Value} classes, the class→room map {site.ClassList.Count}"]
            : Array.Empty<string>();
        return MetricOutcome.Of(new ExactRatio(covered * 100m, site.Classes.Value), method, inputs) with { DataQuality = quality };
    }
}
