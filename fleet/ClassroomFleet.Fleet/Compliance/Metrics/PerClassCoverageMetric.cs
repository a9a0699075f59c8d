using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>per_class_coverage@1</c>: share of classes (班级数 from the register) whose home room has a device (or device set)
/// of the listed classes (多媒体到班率). A class without a known home room counts as not covered.
/// </summary>
public sealed class PerClassCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs = [ParameterSpec.List("device_classes", ParameterVocabulary.DeviceSets), DeviceFilter.CountModeSpec];

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
            return MetricOutcome.NotApplicable(Reason.Of("NO_CLASSES"), method, [RegistryCheck.Input("class", site.Classes)]);
        }

        if (site.ClassList.Count == 0)
        {
            return MetricOutcome.Unknown(Reason.Of("NO_CLASS_ROOM_MAP"), method, [RegistryCheck.Input("class", site.Classes)]);
        }

        if (RegistryCheck.ClassListProblem(site, context) is { } listProblem)
        {
            return MetricOutcome.Unknown(listProblem, method, [RegistryCheck.Input("class", site.Classes)]);
        }

        if (DeviceFilter.Create(parameters.List("device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, []);
        }

        var equippedRooms = filter.SetsPerRoom(site.Devices);
        var covered = site.ClassList.Count(c => c.HomeRoom is { } room && equippedRooms.ContainsKey(room));
        var inputs = new List<EvidenceInput>
        {
            RegistryCheck.Input("class", site.Classes),
            RegistryCheck.ClassListInput(site, Phrase.Of("value.class_list", site.ClassList.Count)),
            new(Phrase.Of("input.classes_equipped"), Phrase.Plain(covered.ToString(CultureInfo.InvariantCulture)), filter.ModeSource),
        };
        if (site.ClassList.Count(c => c.HomeRoom is null) is > 0 and var homeless)
        {
            inputs.Add(new EvidenceInput(Phrase.Of("input.classes_without_room"), Phrase.Plain(homeless.ToString(CultureInfo.InvariantCulture)), Phrase.Of("source.class_list")));
        }
        var quality = site.ClassList.Count != site.Classes.Value
            ? [Phrase.Of("quality.class_list_mismatch", site.Classes.Value, site.ClassList.Count)]
            : Array.Empty<Phrase>();
        return MetricOutcome.Of(new ExactRatio(covered * 100m, site.Classes.Value), method, inputs, Phrase.Of("detail.classes_covered", covered, site.Classes.Value)) with { DataQuality = quality };
    }
}
