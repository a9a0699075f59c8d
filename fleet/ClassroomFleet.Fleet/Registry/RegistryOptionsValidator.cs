using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Checks <see cref="RegistryOptions"/> at start and names every bad key.</summary>
public sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{RegistryOptions.SectionName}:Provider must be sqlite or postgres");
        }

        if (options.Provider == RegistryProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{RegistryOptions.SectionName}:ConnectionString is required when Provider is postgres");
        }

        if (options.SeenFlushInterval < TimeSpan.FromMilliseconds(10) || options.SeenFlushInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{RegistryOptions.SectionName}:SeenFlushInterval must be between 00:00:00.010 and 00:10:00");
        }

        if (options.MaxPendingSeen < 1)
        {
            failures.Add($"{RegistryOptions.SectionName}:MaxPendingSeen must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
