using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>Checks <see cref="OutboxOptions"/> at start and names every bad key.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        var at = OutboxOptions.SectionName;
        if (options.SegmentBytes is < 4096 or > 64 * 1024 * 1024)
        {
            failures.Add($"{at}:SegmentBytes must be between 4096 and 67108864");
        }

        // Overflow drops whole segments, so the bound must hold at least two of them to keep anything.
        if (options.MaxBytes < 2L * options.SegmentBytes)
        {
            failures.Add($"{at}:MaxBytes must be at least twice {at}:SegmentBytes");
        }

        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{at}:MaxAge must be positive");
        }

        if (options.CommitMaxRecords is < 1 or > 100_000)
        {
            failures.Add($"{at}:CommitMaxRecords must be between 1 and 100000");
        }

        if (options.MaxInFlight is < 1 or > 100_000)
        {
            failures.Add($"{at}:MaxInFlight must be between 1 and 100000");
        }

        if (options.AckTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{at}:AckTimeout must be at least 1 second");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
