using System.Globalization;

namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>Splits an ordered list of targets into waves from cumulative sizes ("3" schools or "25%" of all).</summary>
public static class WavePlan
{
    public static string? Problem(IReadOnlyList<string> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        if (waves.Count is 0 or > 20)
        {
            return "waves must list 1 to 20 sizes";
        }

        foreach (var wave in waves)
        {
            if (Parse(wave, 100) is null)
            {
                return $"wave size '{wave}' is neither a count nor a percentage in 1..100";
            }
        }

        return null;
    }

    /// <summary>The wave index of each target, in order. The last wave always takes whatever is left.</summary>
    public static int[] Assign(int targets, IReadOnlyList<string> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var result = new int[targets];
        var assigned = 0;
        for (var wave = 0; wave < waves.Count && assigned < targets; wave++)
        {
            var upTo = wave == waves.Count - 1 ? targets : Math.Clamp(Parse(waves[wave], targets)!.Value, assigned + 1, targets);
            for (; assigned < upTo; assigned++)
            {
                result[assigned] = wave;
            }
        }

        return result;
    }

    private static int? Parse(string size, int total)
    {
        if (size.EndsWith('%'))
        {
            return double.TryParse(size[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100
                ? (int)Math.Ceiling(total * percent / 100)
                : null;
        }

        return int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
    }
}
