using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Configuration;

/// <summary>Checks <see cref="FleetOptions"/> at start and names every bad key.</summary>
public sealed class FleetOptionsValidator : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SharedGroup) || options.SharedGroup.IndexOfAny(['/', '+', '#']) >= 0)
        {
            failures.Add($"{FleetOptions.SectionName}:SharedGroup must be a non-empty name without '/', '+' or '#'");
        }

        if (string.IsNullOrWhiteSpace(options.Id) || options.Id.Length > 64 || options.Id.Any(char.IsWhiteSpace))
        {
            failures.Add($"{FleetOptions.SectionName}:Id must be a name of 1 to 64 characters without spaces");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{FleetOptions.SectionName}:DataDirectory is required");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
