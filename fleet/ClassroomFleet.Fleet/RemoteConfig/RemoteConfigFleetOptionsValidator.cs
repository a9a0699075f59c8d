using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Checks <see cref="RemoteConfigFleetOptions"/> at start and names every bad key.</summary>
public sealed class RemoteConfigFleetOptionsValidator : IValidateOptions<RemoteConfigFleetOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteConfigFleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = RemoteConfigFleetOptions.SectionName;
        var errors = new List<string>();
        // Empty means the fleet's own key in its data directory; a file named in configuration must exist (never created).
        if (!string.IsNullOrWhiteSpace(options.SigningKeyFile) && !File.Exists(options.SigningKeyFile))
        {
            errors.Add($"{s}:SigningKeyFile '{options.SigningKeyFile}' does not exist");
        }

        if (options.DocumentLifetime < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{s}:DocumentLifetime must be at least 00:01:00");
        }

        if (options.ConfirmTimeoutSeconds is < 1 or > 86_400)
        {
            errors.Add($"{s}:ConfirmTimeoutSeconds must be between 1 and 86400");
        }

        if (options.CommandLifetime < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{s}:CommandLifetime must be at least 00:00:01");
        }

        if (options.RolloutTick < TimeSpan.FromMilliseconds(50))
        {
            errors.Add($"{s}:RolloutTick must be at least 00:00:00.050");
        }

        if (options.WaveTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{s}:WaveTimeout must be at least 00:00:01");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
