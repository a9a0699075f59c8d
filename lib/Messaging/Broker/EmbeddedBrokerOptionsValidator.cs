using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>Reports every problem of <see cref="EmbeddedBrokerOptions"/> with its key.</summary>
public sealed class EmbeddedBrokerOptionsValidator(string section = EmbeddedBrokerOptions.SectionName) : IValidateOptions<EmbeddedBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedBrokerOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            errors.Add($"{section}:BindAddress must be an IP address (was \"{options.BindAddress}\")");
        }

        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"{section}:Port must be 0..65535");
        }

        if (string.IsNullOrEmpty(options.PasswordFile) && !options.AllowAnonymous)
        {
            errors.Add($"{section}:PasswordFile is required unless AllowAnonymous is true");
        }
        else if (!string.IsNullOrEmpty(options.PasswordFile) && !File.Exists(options.PasswordFile))
        {
            errors.Add($"{section}:PasswordFile does not exist: {options.PasswordFile}");
        }

        foreach (var (user, role) in options.Roles)
        {
            if (role is not (Authorization.BrokerRole.Fleet or Authorization.BrokerRole.Admin))
            {
                errors.Add($"{section}:Roles:{user} must be Fleet or Admin");
            }
        }

        if (options.MaxPendingMessagesPerClient < 1)
        {
            errors.Add($"{section}:MaxPendingMessagesPerClient must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
