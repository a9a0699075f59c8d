using ClassroomFleet.Contracts.Identifiers;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Auth;

/// <summary>Checks <see cref="AuthOptions"/> at start and names every bad key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            var key = $"{AuthOptions.SectionName}:Tokens:{i}";
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                failures.Add($"{key}:Name is required");
            }

            if (token.Sha256.Length != 64 || !token.Sha256.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{key}:Sha256 must be the 64 hex digits of the token's SHA-256 (never the token itself)");
            }
            else if (!hashes.Add(token.Sha256))
            {
                failures.Add($"{key}:Sha256 repeats an earlier token");
            }

            if (!Enum.IsDefined(token.Role))
            {
                failures.Add($"{key}:Role must be Admin, Technician or Auditor");
            }

            if (!string.IsNullOrEmpty(token.County) && !ContractIdentifiers.IsCountyCode(token.County))
            {
                failures.Add($"{key}:County must be a 6-digit county code or empty");
            }
        }

        if (options.CookieLifetime < TimeSpan.FromMinutes(1) || options.CookieLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{AuthOptions.SectionName}:CookieLifetime must be between 00:01:00 and 30.00:00:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
