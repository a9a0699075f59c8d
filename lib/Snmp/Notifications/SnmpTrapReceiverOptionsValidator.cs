using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp;

/// <summary>Checks <see cref="SnmpTrapReceiverOptions"/> and reports every problem with its configuration key.</summary>
public sealed class SnmpTrapReceiverOptionsValidator : IValidateOptions<SnmpTrapReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, SnmpTrapReceiverOptions options)
    {
        const string Section = SnmpTrapReceiverOptions.SectionName;
        var errors = new List<string>();
        if (!IPEndPoint.TryParse(options.ListenEndPoint ?? string.Empty, out _))
        {
            errors.Add($"{Section}:{nameof(options.ListenEndPoint)} '{options.ListenEndPoint}' is not an IP endpoint such as 0.0.0.0:16162.");
        }

        if (options.Communities.Count == 0 && options.Users.Count == 0)
        {
            errors.Add($"{Section}: at least one of {nameof(options.Communities)} or {nameof(options.Users)} is required.");
        }

        if (options.EngineId.Length > 0 && (options.EngineId.Length % 2 != 0 || options.EngineId.Length is < 10 or > 64
            || !options.EngineId.All(Uri.IsHexDigit)))
        {
            errors.Add($"{Section}:{nameof(options.EngineId)} must be 5 to 32 octets in hex (RFC 3411 §5).");
        }

        if (options.EngineBoots is < 1 or int.MaxValue)
        {
            errors.Add($"{Section}:{nameof(options.EngineBoots)} must be between 1 and 2147483646.");
        }

        if (options.QueueCapacity < 1)
        {
            errors.Add($"{Section}:{nameof(options.QueueCapacity)} must be positive.");
        }

        for (var i = 0; i < options.Users.Count; i++)
        {
            foreach (var problem in options.Users[i].Validate())
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(options.Users)}:{i}: {problem}"));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
