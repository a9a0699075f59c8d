using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>room_coverage@1</c>: share of in-use rooms of the listed types with at least <c>min_devices</c> devices of the listed
/// classes. Rooms not in use are excluded with their reason; no room in scope is NOT_APPLICABLE.
/// </summary>
public sealed class RoomCoverageMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("room_types"),
        ParameterSpec.List("device_classes"),
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
        var types = parameters.List("room_types");
        var rooms = site.Rooms.Where(r => types.Contains(r.Type)).ToList();
        var inUse = rooms.Where(r => r.InUse).ToList();
        var inputs = new List<EvidenceInput>();
        foreach (var excluded in rooms.Where(r => !r.InUse))
        {
            inputs.Add(new EvidenceInput($"room {excluded.Id} excluded", excluded.ExclusionReason ?? "not in use", "inventory"));
        }

        if (inUse.Count == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_ROOMS_IN_SCOPE"), method, inputs);
        }

        if (DeviceFilter.Create(parameters.List("device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, inputs);
        }

        if (DeviceFilter.IsFunctional(parameters) && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, inputs);
        }

        var perRoom = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var device in site.Devices)
        {
            if (device.Room is { } room && filter.Counts(device))
            {
                perRoom[room] = perRoom.GetValueOrDefault(room) + 1;
            }
        }

        var need = (int)parameters.All["min_devices"];
        var covered = inUse.Where(r => perRoom.GetValueOrDefault(r.Id) >= need).ToList();
        inputs.Add(new EvidenceInput("rooms in scope", inUse.Count.ToString(CultureInfo.InvariantCulture), "inventory"));
        inputs.Add(new EvidenceInput("rooms covered", covered.Count.ToString(CultureInfo.InvariantCulture), $"inventory, {filter.Mode}"));
        var missing = inUse.Except(covered).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            inputs.Add(new EvidenceInput("rooms without", string.Join(" ", missing.Take(20)) + (missing.Count > 20 ? " …" : ""), "inventory"));
        }

        return MetricOutcome.Of(new ExactRatio(covered.Count * 100m, inUse.Count), $"{method} ({filter.Mode})", inputs);
    }
}
