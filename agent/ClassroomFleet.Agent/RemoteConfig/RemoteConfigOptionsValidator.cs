using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>Checks <see cref="RemoteConfigOptions"/> at start and names every bad key.</summary>
public sealed class RemoteConfigOptionsValidator : IValidateOptions<RemoteConfigOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteConfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        const string section = RemoteConfigOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.FleetPublicKeyFile))
        {
            errors.Add($"{section}:FleetPublicKeyFile is required when remote configuration is enabled");
        }
        else if (!File.Exists(options.FleetPublicKeyFile))
        {
            errors.Add($"{section}:FleetPublicKeyFile '{options.FleetPublicKeyFile}' does not exist");
        }

        if (options.ConfirmTimeout < TimeSpan.FromSeconds(1) || options.ConfirmTimeout > TimeSpan.FromDays(1))
        {
            errors.Add($"{section}:ConfirmTimeout must be between 00:00:01 and 1.00:00:00");
        }

        if (options.MaxClockSkew < TimeSpan.Zero || options.MaxClockSkew > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:MaxClockSkew must be between 0 and 01:00:00");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
