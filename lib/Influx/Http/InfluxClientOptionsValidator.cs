using Microsoft.Extensions.Options;

namespace ClassroomFleet.Influx.Http;

/// <summary>Reports every problem of an <see cref="InfluxClientOptions"/>, each with its configuration key.</summary>
public sealed class InfluxClientOptionsValidator : IValidateOptions<InfluxClientOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = InfluxClientOptions.SectionName;
        var errors = new List<string>();
        if (options.BaseAddress is null)
        {
            errors.Add($"{section}:BaseAddress is required (for example http://127.0.0.1:8086).");
        }
        else if (!options.BaseAddress.IsAbsoluteUri || (options.BaseAddress.Scheme != Uri.UriSchemeHttp && options.BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{section}:BaseAddress must be an absolute http or https address, not '{options.BaseAddress}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            errors.Add($"{section}:Database is required.");
        }

        if (options.RetentionPolicy is { Length: 0 })
        {
            errors.Add($"{section}:RetentionPolicy must be left out rather than empty.");
        }

        if (options.Username is not null && options.Token is not null)
        {
            errors.Add($"{section}:Token and {section}:Username are exclusive: use a token (2.x/3.x) or a user and password (1.x).");
        }

        if (options.Username is { Length: > 0 } && options.Password is null)
        {
            errors.Add($"{section}:Password is required with {section}:Username.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{section}:Timeout must be more than 0 and at most 10 minutes, not {options.Timeout}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
