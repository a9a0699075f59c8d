namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>
/// A fact that needs a real GPIO chip wired as in docs/cabinet.md §Test board: set CF_GPIO_CHIP (e.g. 0) and
/// CF_GPIO_LOOP (output line,input line, joined by a wire). Skipped where they are unset or the chip is absent.
/// </summary>
public sealed class GpioHardwareFactAttribute : FactAttribute
{
    public GpioHardwareFactAttribute()
    {
        var chip = Environment.GetEnvironmentVariable("CF_GPIO_CHIP");
        if (string.IsNullOrEmpty(chip) || Environment.GetEnvironmentVariable("CF_GPIO_LOOP") is null)
        {
            Skip = "needs GPIO hardware: set CF_GPIO_CHIP and CF_GPIO_LOOP";
        }
        else if (!File.Exists($"/dev/gpiochip{chip}"))
        {
            Skip = $"/dev/gpiochip{chip} does not exist";
        }
    }
}
