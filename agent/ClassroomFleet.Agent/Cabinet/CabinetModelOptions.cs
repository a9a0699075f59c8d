namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// One gateway model: its pin map (pin name → line and role) and, where it differs from the section's defaults, the GPIO
/// driver and chip its board needs (e.g. a libgpiod v2 image on one model, chip 1 on another).
/// </summary>
public sealed class CabinetModelOptions
{
    /// <summary>The driver this model's board needs; null: <see cref="CabinetOptions.Driver"/>.</summary>
    public GpioDriverKind? Driver { get; set; }

    /// <summary>The chip the pins are on; null: <see cref="CabinetOptions.Chip"/>.</summary>
    public int? Chip { get; set; }

    public Dictionary<string, CabinetPinOptions> Pins { get; } = new(StringComparer.Ordinal);
}
