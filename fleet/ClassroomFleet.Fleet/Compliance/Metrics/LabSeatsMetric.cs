namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>lab_seats_vs_max_class@1</c>: for every computer lab, working seats minus the largest class (班额) taught in it; the
/// value is the worst lab's margin, so "&gt;= 0 seats" means 一人一机 in every lab. A site with IT courses and no lab
/// fails; one without IT courses is NOT_APPLICABLE (POLICY-TARGETS §6.5). Class sizes are a dated register extract:
/// undated, stale or future-dated sizes are UNKNOWN, and so is a site whose inventory lists no rooms at all.
/// </summary>
public sealed class LabSeatsMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("lab_room_types", ParameterVocabulary.RoomTypes, ["computer_lab"]),
        ParameterSpec.List("seat_device_classes", ParameterVocabulary.DeviceClasses, ["student_pc", "thin_client"]),
        DeviceFilter.CountModeSpec,
    ];

    public string Name => "lab_seats_vs_max_class";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.Seats;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        const string method = "min over labs (working seats − largest class using the lab)";
        if (!site.HasItCourse)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_IT_COURSE"), method);
        }

        if (site.ClassList.Count == 0)
        {
            return site.Classes is { Value: 0 }
                ? MetricOutcome.NotApplicable(Reason.Of("NO_CLASSES"), method)
                : MetricOutcome.Unknown(Reason.Of("NO_CLASS_SIZES"), method, []);
        }

        if (site.ClassList.Any(c => c.Size is null))
        {
            return MetricOutcome.Unknown(Reason.Of("NO_CLASS_SIZES"), method, []);
        }

        var largestClass = site.ClassList.Max(c => c.Size!.Value);
        var sizes = RegistryCheck.ClassListInput(site, Phrase.Of("value.largest_class", site.ClassList.Count, largestClass));
        if (RegistryCheck.ClassListProblem(site, context) is { } listProblem)
        {
            return MetricOutcome.Unknown(listProblem, method, [sizes]);
        }

        if (site.Rooms.Count == 0)
        {
            return MetricOutcome.Unknown(Reason.NoRoomInventory(), method, [sizes]);
        }

        if (DeviceFilter.Create(parameters.List("seat_device_classes"), context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, [sizes]);
        }

        var labTypes = parameters.List("lab_room_types");
        var labs = site.Rooms.Where(r => r.InUse && labTypes.Contains(r.Type)).ToList();
        var inputs = new List<EvidenceInput> { sizes };
        if (labs.Count == 0)
        {
            inputs.Add(new EvidenceInput(Phrase.Of("input.computer_labs"), Phrase.Plain("0"), Phrase.Of("source.inventory")));
            return MetricOutcome.Of(ExactRatio.Of(-largestClass), "no computer lab: " + method, inputs, Phrase.Of("detail.no_lab", largestClass));
        }

        (string Lab, int Seats, int Largest)? worst = null;
        foreach (var lab in labs)
        {
            var seats = site.Devices.Count(d => d.Room == lab.Id && filter.Counts(d));
            var users = site.ClassList.Where(c => c.Labs.Contains(lab.Id)).ToList();
            var largest = users.Count > 0 ? users.Max(c => c.Size!.Value) : largestClass;
            inputs.Add(new EvidenceInput(Phrase.Of("input.lab", lab.Id), Phrase.Of("value.lab_seats", seats, largest), Phrase.Of("source.lab", filter.ModeSource)));
            if (worst is null || seats - largest < worst.Value.Seats - worst.Value.Largest)
            {
                worst = (lab.Id, seats, largest);
            }
        }

        var (worstLab, worstSeats, worstLargest) = worst!.Value;
        var margin = worstSeats - worstLargest;
        var detail = margin < 0 ? Phrase.Of("detail.lab_short", worstLab, worstSeats, worstLargest, -margin) : Phrase.Of("detail.lab_ok", worstLab, worstSeats, worstLargest);
        return MetricOutcome.Of(ExactRatio.Of(margin), method, inputs, detail);
    }
}
