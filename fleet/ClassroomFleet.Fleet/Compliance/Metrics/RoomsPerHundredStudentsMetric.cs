using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>rooms_per_100_students@1</c>: networked multimedia rooms per hundred enrolled students (每百名学生拥有网络多媒体教室数,
/// 教督〔2017〕6号). A room counts when it is in use, of the listed types, holds a complete device set of the listed classes
/// and is networked (an access port or an access point mapped to it). Teaching points below <c>min_students</c> are left
/// out, as the 督导评估办法 leaves out 「不足50人的教学点」. The value is exact: 23 rooms for 1,000 students is 2.3.
/// </summary>
public sealed class RoomsPerHundredStudentsMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("room_types", ParameterVocabulary.RoomTypes),
        ParameterSpec.List("device_classes", ParameterVocabulary.DeviceSets),
        ParameterSpec.List("ap_device_classes", ParameterVocabulary.DeviceClasses, ["access_point"]),
        new("teaching_point_min_students", ParameterKind.WholeNumber, 0, null, 0, 100_000),
        DeviceFilter.CountModeSpec,
    ];

    public string Name => "rooms_per_100_students";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.RoomsPerHundredStudents;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        const string method = "networked multimedia rooms × 100 ÷ students";
        if (RegistryCheck.Problem(site.Students, "student", context) is { } registry)
        {
            return MetricOutcome.Unknown(registry, method, site.Students is null ? [] : [RegistryCheck.Input("student", site.Students)]);
        }

        var students = site.Students!;
        var studentsInput = RegistryCheck.Input("student", students);
        var minimum = (int)parameters.All["teaching_point_min_students"];
        if (site.Kind == SiteKind.TeachingPoint && students.Value < minimum)
        {
            return MetricOutcome.NotApplicable(Reason.SmallTeachingPoint(students.Value, minimum), method, [studentsInput]);
        }

        if (students.Value == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_STUDENTS"), method, [studentsInput]);
        }

        var selection = RoomSelection.Of(site, parameters.List("room_types"));
        if (selection.Problem is { } problem && problem.Code != "ALL_ROOMS_EXCLUDED")
        {
            return MetricOutcome.Unknown(problem, method, [studentsInput, .. selection.Inputs]);
        }

        var functional = DeviceFilter.IsFunctional(parameters);
        if (DeviceFilter.Create(parameters.List("device_classes"), context, functional) is not { } devices
            || DeviceFilter.Create(parameters.List("ap_device_classes"), context, functional) is not { } accessPoints)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, [studentsInput, .. selection.Inputs]);
        }

        if (functional && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, [studentsInput, .. selection.Inputs]);
        }

        var sets = devices.SetsPerRoom(site.Devices);
        var withAp = accessPoints.RoomsWithAny(site.Devices);
        var rooms = selection.InUse.Where(r => sets.ContainsKey(r.Id) && (r.WiredPorts > 0 || withAp.Contains(r.Id))).ToList();
        var inputs = new List<EvidenceInput>(selection.Inputs)
        {
            studentsInput,
            new(Phrase.Of("input.networked_multimedia_rooms"), Phrase.Plain(rooms.Count.ToString(CultureInfo.InvariantCulture)), devices.ModeSource),
        };
        return MetricOutcome.Of(
            new ExactRatio(rooms.Count * 100m, students.Value),
            $"{method} ({(devices.IsFunctionalMode ? "functional" : "installed")})",
            inputs,
            Phrase.Of("detail.rooms_per_100_students", rooms.Count, students.Value));
    }
}
