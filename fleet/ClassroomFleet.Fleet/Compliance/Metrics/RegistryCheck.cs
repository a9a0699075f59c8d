using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Checks that a register count exists and is not older than the pack allows (POLICY-TARGETS §6.4).</summary>
public static class RegistryCheck
{
    /// <returns>The reason the count cannot be used, or null when it can.</returns>
    public static Reason? Problem(RegistryCount? count, string what, MetricContext context)
    {
        if (count is null)
        {
            return Reason.Missing(what);
        }

        var age = ChinaTime.DateOf(context.At).DayNumber - count.AsOf.DayNumber;
        return age > context.RegistryMaxAge.TotalDays ? Reason.RegistryStale(what, age) : null;
    }

    public static EvidenceInput Input(string name, RegistryCount count) => new(name, count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), count.Source, count.AsOf);
}
