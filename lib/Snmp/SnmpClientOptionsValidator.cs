using System.Net;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp;

/// <summary>Checks <see cref="SnmpClientOptions"/> and reports every problem with its configuration key.</summary>
public sealed class SnmpClientOptionsValidator : IValidateOptions<SnmpClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SnmpClientOptions options)
    {
        var errors = new List<string>();
        if (!IPEndPoint.TryParse(options.LocalEndPoint ?? string.Empty, out _))
        {
            errors.Add($"{SnmpClientOptions.SectionName}:{nameof(options.LocalEndPoint)} '{options.LocalEndPoint}' is not an IP endpoint such as 0.0.0.0:0.");
        }

        if (options.SocketBufferBytes is < 4096 or > 256 * 1024 * 1024)
        {
            errors.Add($"{SnmpClientOptions.SectionName}:{nameof(options.SocketBufferBytes)} must be between 4096 and 268435456; got {options.SocketBufferBytes}.");
        }

        if (options.MaxOutstandingPerAgent is < 1 or > 65_536)
        {
            errors.Add($"{SnmpClientOptions.SectionName}:{nameof(options.MaxOutstandingPerAgent)} must be between 1 and 65536; got {options.MaxOutstandingPerAgent}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
