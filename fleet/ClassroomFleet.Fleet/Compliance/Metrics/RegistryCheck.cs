using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Checks that a register count exists, is not dated after the audit instant (it was not known then) and is not older
/// than the pack allows (POLICY-TARGETS §6.4).
/// </summary>
public static class RegistryCheck
{
    /// <param name="what">class, teacher, student or class_list.</param>
    /// <returns>The reason the count cannot be used, or null when it can.</returns>
    public static Reason? Problem(RegistryCount? count, string what, MetricContext context) =>
        count is null ? Reason.Missing(what) : DateProblem(count.AsOf, what, context);

    /// <returns>The reason a register date cannot be used (in the future, or too old), or null when it can.</returns>
    public static Reason? DateProblem(DateOnly asOf, string what, MetricContext context)
    {
        var age = ChinaTime.DateOf(context.At).DayNumber - asOf.DayNumber;
        if (age < 0)
        {
            return Reason.RegistryFutureDated(what, asOf);
        }

        var maxDays = (int)context.RegistryMaxAge.TotalDays;
        return age > maxDays ? Reason.RegistryStale(what, age, asOf, maxDays) : null;
    }

    /// <summary>The count as an input: label 班级数/专任教师数/在校生数, value, register source and date.</summary>
    public static EvidenceInput Input(string what, RegistryCount count) =>
        new(Phrase.Term("count", what), Phrase.Plain(count.Value.ToString(CultureInfo.InvariantCulture)), Phrase.Plain(count.Source), count.AsOf);

    /// <summary>The class list (班额, home rooms) must be dated like any register count; undated or stale is UNKNOWN.</summary>
    public static Reason? ClassListProblem(SiteFacts site, MetricContext context) =>
        site.ClassListAsOf is { } asOf ? DateProblem(asOf, "class_list", context) : Reason.Of("CLASS_LIST_UNDATED");

    public static EvidenceInput ClassListInput(SiteFacts site, Phrase value) =>
        new(Phrase.Term("count", "class_list"), value, Phrase.Plain(site.ClassListSource ?? ""), site.ClassListAsOf);
}
