namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The cabinet module (section <c>Cabinet</c>); off unless <c>Enabled</c>:
/// <code>
/// "Cabinet": {
///   "Enabled": true,
///   "Driver": "libgpiod",            // libgpiod | libgpiodv2 | none (sensors only); a model may set its own
///   "Chip": 0,                        // /dev/gpiochip0; a model may set its own
///   "Model": "rk3568-gw",             // picks Models:&lt;model&gt; (pins, and driver/chip where set)
///   "DeviceId": "cabinet",            // the device id and kind of its telemetry
///   "Interval": "00:00:30",
///   "Debounce": "00:00:00.050",
///   "SysfsRoot": "/",
///   "Sensors": [ { "Id": "top", "Type": "iio", "Device": "bme280" } ],   // empty: every IIO device and DS18B20 found
///   "Alerts": { "OverTemperatureRaiseC": 40, "OverTemperatureClearC": 37, "DoorOpenLimit": "00:10:00" },
///   "Relays": { "MinimumOffTime": "00:00:10", "MinimumOnTime": "00:02:00", "MaxCyclesPerHour": 3 },
///   "Models": { "rk3568-gw": { "Driver": "libgpiodv2", "Chip": 0, "Pins": {
///     "door":  { "Role": "door", "Line": 17, "Pull": "up" },
///     "mains": { "Role": "mains", "Line": 27, "Pull": "up", "ActiveLow": true },
///     "recorder-power": { "Role": "relay", "Line": 22, "ActiveLow": true, "Device": "rec-1" } } } }
/// }
/// </code>
/// </summary>
public sealed class CabinetOptions
{
    public const string SectionName = "Cabinet";

    public bool Enabled { get; set; }

    public GpioDriverKind Driver { get; set; } = GpioDriverKind.None;

    public int Chip { get; set; }

    public string? Model { get; set; }

    public string DeviceId { get; set; } = "cabinet";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an input must hold its new level after an edge before the change counts (contact bounce).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    public string SysfsRoot { get; set; } = "/";

    public List<CabinetSensorOptions> Sensors { get; } = [];

    public CabinetAlertOptions Alerts { get; set; } = new();

    public CabinetRelayOptions Relays { get; set; } = new();

    public Dictionary<string, CabinetModelOptions> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>The configured gateway model, if <see cref="Model"/> names one.</summary>
    public CabinetModelOptions? SelectedModel() =>
        Model is not null && Models.TryGetValue(Model, out var model) ? model : null;

    /// <summary>The driver in use: the model's own, else the section's.</summary>
    public GpioDriverKind EffectiveDriver => SelectedModel()?.Driver ?? Driver;

    /// <summary>The chip in use: the model's own, else the section's.</summary>
    public int EffectiveChip => SelectedModel()?.Chip ?? Chip;

    /// <summary>The pins of the configured model; empty without GPIO.</summary>
    public IReadOnlyDictionary<string, CabinetPinOptions> ActivePins() =>
        EffectiveDriver != GpioDriverKind.None && SelectedModel() is { } model
            ? model.Pins
            : new Dictionary<string, CabinetPinOptions>();
}
