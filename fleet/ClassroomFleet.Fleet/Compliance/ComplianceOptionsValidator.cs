using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Checks <see cref="ComplianceOptions"/> at start and names every bad key.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var failures = new List<string>();
        if (!Directory.Exists(options.PacksDirectory))
        {
            failures.Add($"{ComplianceOptions.SectionName}:PacksDirectory '{options.PacksDirectory}' is not a folder");
        }

        if (!Directory.Exists(options.CalendarsDirectory))
        {
            failures.Add($"{ComplianceOptions.SectionName}:CalendarsDirectory '{options.CalendarsDirectory}' is not a folder");
        }

        if (!Directory.Exists(options.CountyFactsPath) && !File.Exists(options.CountyFactsPath))
        {
            failures.Add($"{ComplianceOptions.SectionName}:CountyFactsPath '{options.CountyFactsPath}' is neither a file nor a folder");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
