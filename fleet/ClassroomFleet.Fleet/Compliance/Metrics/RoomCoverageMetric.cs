using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>room_coverage@1</c>: share of in-use rooms of the listed types with at least <c>min_devices</c> devices (or device
/// sets) of the listed classes. Rooms not in use are excluded with their reason. A site whose inventory lists no rooms,
/// or none of the listed types, is UNKNOWN (the inventory is missing, not the rooms); one whose rooms of these types are
/// all out of use is NOT_APPLICABLE.
/// </summary>
public sealed class RoomCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("room_types", ParameterVocabulary.RoomTypes),
        ParameterSpec.List("device_classes", ParameterVocabulary.DeviceSets),
        new("min_devices", ParameterKind.WholeNumber, 1, null, 1, 100),
        DeviceFilter.CountModeSpec,
    ];

    public string Name => "room_coverage";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.Percent;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        const string method = "rooms with the device ÷ rooms in scope";
        var selection = RoomSelection.Of(site, parameters.List("room_types"));
        if (selection.Problem is { } problem)
        {
            return problem.Code == "ALL_ROOMS_EXCLUDED"
                ? MetricOutcome.NotApplicable(problem, method, selection.Inputs)
                : MetricOutcome.Unknown(problem, method, selection.Inputs);
        }

        if (DeviceFilter.Create(parameters.List("device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, selection.Inputs);
        }

        if (DeviceFilter.IsFunctional(parameters) && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, selection.Inputs);
        }

        var perRoom = filter.SetsPerRoom(site.Devices);
        var need = (int)parameters.All["min_devices"];
        var inUse = selection.InUse;
        var covered = inUse.Where(r => perRoom.GetValueOrDefault(r.Id) >= need).ToList();
        var inputs = new List<EvidenceInput>(selection.Inputs)
        {
            new(Phrase.Of("input.rooms_in_scope"), Phrase.Plain(inUse.Count.ToString(CultureInfo.InvariantCulture)), Phrase.Of("source.inventory")),
            new(Phrase.Of("input.rooms_covered"), Phrase.Plain(covered.Count.ToString(CultureInfo.InvariantCulture)), filter.ModeSource),
        };
        var missing = inUse.Except(covered).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            inputs.Add(new EvidenceInput(Phrase.Of("input.rooms_without"), Phrase.Plain(string.Join(" ", missing.Take(20)) + (missing.Count > 20 ? " …" : "")), Phrase.Of("source.inventory")));
            var incomplete = new List<object>();
            foreach (var room in missing.Take(20))
            {
                if (filter.MissingFromPartialSets(site.Devices.Where(d => d.Room == room)) is { Count: > 0 } lacking)
                {
                    incomplete.Add(Phrase.Of("value.room_missing", room, lacking.Select(c => (object)Phrase.Term("device", c)).ToList()));
                }
            }

            if (incomplete.Count > 0)
            {
                inputs.Add(new EvidenceInput(Phrase.Of("input.rooms_incomplete"), Phrase.Of("value.list", incomplete), filter.ModeSource));
            }
        }

        return MetricOutcome.Of(new ExactRatio(covered.Count * 100m, inUse.Count), $"{method} ({(filter.IsFunctionalMode ? "functional" : "installed")})", inputs, Phrase.Of("detail.rooms_covered", covered.Count, inUse.Count));
    }
}
