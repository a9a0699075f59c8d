using ClassroomFleet.Contracts.Identifiers;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Configuration;

/// <summary>Checks <see cref="AgentOptions"/> at start and names every bad key.</summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        var at = AgentOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.SchoolFile))
        {
            failures.Add($"{at}:SchoolFile is required");
        }

        if (!ContractIdentifiers.IsDeviceId(options.AgentId))
        {
            failures.Add($"{at}:AgentId must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
        }

        if (string.IsNullOrWhiteSpace(options.FleetId) || options.FleetId.Length > 64 || options.FleetId.Any(char.IsWhiteSpace))
        {
            failures.Add($"{at}:FleetId must be a name of 1 to 64 characters without spaces (the fleet's Fleet:Id)");
        }

        if (options.DefaultInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{at}:DefaultInterval must be at least 1 second");
        }

        if (options.MaxConcurrentPolls is < 1 or > 1024)
        {
            failures.Add($"{at}:MaxConcurrentPolls must be between 1 and 1024");
        }

        if (options.DeviceBudget <= TimeSpan.Zero)
        {
            failures.Add($"{at}:DeviceBudget must be positive");
        }

        if (options.Jitter is < 0 or > 0.5)
        {
            failures.Add($"{at}:Jitter must be between 0 and 0.5");
        }

        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            failures.Add($"{at}:StateDirectory is required");
        }

        if (!string.IsNullOrEmpty(options.HealthEndpoint) && !System.Net.IPEndPoint.TryParse(options.HealthEndpoint, out _))
        {
            failures.Add($"{at}:HealthEndpoint must be ip:port (e.g. 127.0.0.1:9464) or empty");
        }

        if (options.StatusInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{at}:StatusInterval must be at least 1 second");
        }

        if (options.SelfTelemetryInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{at}:SelfTelemetryInterval must be at least 1 second");
        }

        if (options.ShutdownTimeout < TimeSpan.FromSeconds(1) || options.ShutdownTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{at}:ShutdownTimeout must be between 1 second and 5 minutes");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
