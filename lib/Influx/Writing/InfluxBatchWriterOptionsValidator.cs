using Microsoft.Extensions.Options;

namespace ClassroomFleet.Influx.Writing;

/// <summary>Reports every problem of an <see cref="InfluxBatchWriterOptions"/>, each with its configuration key.</summary>
public sealed class InfluxBatchWriterOptionsValidator : IValidateOptions<InfluxBatchWriterOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxBatchWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = InfluxBatchWriterOptions.SectionName;
        var errors = new List<string>();
        if (options.QueueCapacity < 1)
        {
            errors.Add($"{s}:QueueCapacity must be at least 1, not {options.QueueCapacity}.");
        }

        if (options.MaxBatchLines < 1)
        {
            errors.Add($"{s}:MaxBatchLines must be at least 1, not {options.MaxBatchLines}.");
        }

        if (options.MaxBatchBytes < 1024)
        {
            errors.Add($"{s}:MaxBatchBytes must be at least 1024, not {options.MaxBatchBytes}.");
        }

        if (options.MaxConcurrentWrites is < 1 or > 16)
        {
            errors.Add($"{s}:MaxConcurrentWrites must be from 1 to 16, not {options.MaxConcurrentWrites}.");
        }

        if (options.FlushInterval < TimeSpan.Zero)
        {
            errors.Add($"{s}:FlushInterval must not be negative.");
        }

        if (options.FirstRetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"{s}:FirstRetryDelay must be more than 0.");
        }

        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            errors.Add($"{s}:MaxRetryDelay must be at least FirstRetryDelay ({options.FirstRetryDelay}).");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{s}:MaxRetryAfter must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
