using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>ratio@1</c>: devices of the listed classes against a register count. <c>orientation: per_person</c> is devices per
/// person (师机比 1:1 passes at ≥ 1); <c>persons_per_device</c> is persons per device (生机比 6:1 passes at ≤ 6), and no
/// devices is +∞. The orientation fixes the unit, so a pack that states the wrong one is rejected (POLICY-TARGETS §6.6).
/// </summary>
public sealed class RatioMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        ParameterSpec.List("device_classes", ParameterVocabulary.DeviceClasses),
        ParameterSpec.Choice("denominator", null, "teachers", "students"),
        ParameterSpec.Choice("orientation", null, "per_person", "persons_per_device"),
        DeviceFilter.CountModeSpec,
    ];

    public string Name => "ratio";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => parameters.Choice("orientation") == "per_person" ? Units.Ratio : Units.PersonsPerDevice;

    public bool UsesTelemetry(ParameterValues parameters) => DeviceFilter.IsFunctional(parameters);

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        var who = parameters.Choice("denominator");
        var what = who.TrimEnd('s');
        var count = who == "teachers" ? site.Teachers : site.Students;
        var perPerson = parameters.Choice("orientation") == "per_person";
        var method = perPerson ? $"devices ÷ {who}" : $"{who} ÷ devices";
        if (RegistryCheck.Problem(count, what, context) is { } problem)
        {
            return MetricOutcome.Unknown(problem, method, count is null ? [] : [RegistryCheck.Input(what, count)]);
        }

        var classes = parameters.List("device_classes");
        if (DeviceFilter.Create(classes, context, DeviceFilter.IsFunctional(parameters)) is not { } filter)
        {
            return MetricOutcome.Unknown(Reason.CalendarNotCovered(), method, []);
        }

        if (DeviceFilter.IsFunctional(parameters) && context.Measurements.IsSilent)
        {
            return MetricOutcome.Unknown(Reason.AgentOffline(), method, [RegistryCheck.Input(what, count!)]);
        }

        var devices = site.Devices.Count(filter.Counts);
        var inputs = new List<EvidenceInput>
        {
            RegistryCheck.Input(what, count!),
            new(Phrase.Of("input.devices", classes.Select(c => (object)Phrase.Term("device", c)).ToList()), Phrase.Plain(devices.ToString(CultureInfo.InvariantCulture)), filter.ModeSource),
        };
        if (count!.Value == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of($"NO_{who.ToUpperInvariant()}"), method, inputs);
        }

        var value = perPerson ? new ExactRatio(devices, count.Value) : new ExactRatio(count.Value, devices);
        var detail = Phrase.Of(perPerson ? "detail.devices_per_person" : "detail.persons_per_device", devices, count.Value, Phrase.Term("persons", who));
        return MetricOutcome.Of(value, $"{method} ({(filter.IsFunctionalMode ? "functional" : "installed")})", inputs, detail);
    }
}
