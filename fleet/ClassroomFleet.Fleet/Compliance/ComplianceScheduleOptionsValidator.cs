using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Checks <see cref="ComplianceScheduleOptions"/> at start and names every bad key.</summary>
public sealed class ComplianceScheduleOptionsValidator : IValidateOptions<ComplianceScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceScheduleOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromDays(7))
        {
            failures.Add($"{ComplianceScheduleOptions.SectionName}:Interval must be between 00:00:01 and 7.00:00:00, not {options.Interval}");
        }

        if (options.RecheckDays is < 0 or > 60)
        {
            failures.Add($"{ComplianceScheduleOptions.SectionName}:RecheckDays must be between 0 and 60, not {options.RecheckDays}");
        }

        if (options.FirstRunDelay < TimeSpan.Zero || options.FirstRunDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{ComplianceScheduleOptions.SectionName}:FirstRunDelay must be between 00:00:00 and 1.00:00:00, not {options.FirstRunDelay}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
