using ClassroomFleet.Contracts.Identifiers;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Checks <see cref="CabinetOptions"/> at start and names every bad key. A module that is off is not checked.</summary>
public sealed class CabinetOptionsValidator : IValidateOptions<CabinetOptions>
{
    public ValidateOptionsResult Validate(string? name, CabinetOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var at = CabinetOptions.SectionName;
        if (!ContractIdentifiers.IsDeviceId(options.DeviceId))
        {
            failures.Add($"{at}:DeviceId must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{at}:Interval must be at least 1 second");
        }

        if (options.Debounce < TimeSpan.Zero || options.Debounce > TimeSpan.FromSeconds(5))
        {
            failures.Add($"{at}:Debounce must be between 0 and 5 seconds");
        }

        if (string.IsNullOrWhiteSpace(options.SysfsRoot))
        {
            failures.Add($"{at}:SysfsRoot is required (\"/\" on a gateway)");
        }

        ValidateGpio(options, failures);
        ValidateSensors(options, failures);
        ValidateAlerts(options.Alerts, $"{at}:Alerts", failures);
        ValidateRelays(options.Relays, $"{at}:Relays", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateGpio(CabinetOptions options, List<string> failures)
    {
        var at = CabinetOptions.SectionName;
        if (!Enum.IsDefined(options.Driver))
        {
            failures.Add($"{at}:Driver must be libgpiod, libgpiodv2, simulated or none");
            return;
        }

        var model = options.SelectedModel();
        var modelAt = $"{at}:Models:{options.Model}";
        if (model?.Driver is { } modelDriver && !Enum.IsDefined(modelDriver))
        {
            failures.Add($"{modelAt}:Driver must be libgpiod, libgpiodv2, simulated or none");
            return;
        }

        var driver = options.EffectiveDriver;
        if (driver == GpioDriverKind.None)
        {
            return;
        }

        if (options.EffectiveChip is < 0 or > 255)
        {
            failures.Add(model?.Chip is null ? $"{at}:Chip must be between 0 and 255" : $"{modelAt}:Chip must be between 0 and 255");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{at}:Model is required when {at}:Driver is {driver}");
            return;
        }

        if (model is null)
        {
            failures.Add($"{modelAt} is missing: {at}:Model names a gateway model with no pin map");
            return;
        }

        ValidatePins(model, $"{modelAt}:Pins", failures);
    }

    private static void ValidatePins(CabinetModelOptions model, string at, List<string> failures)
    {
        var lines = new Dictionary<int, string>();
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pin, options) in model.Pins)
        {
            var key = $"{at}:{pin}";
            if (!ContractIdentifiers.IsDeviceId(pin))
            {
                failures.Add($"{key}: the pin name is the input tag and must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
            }

            if (!Enum.IsDefined(options.Role))
            {
                failures.Add($"{key}:Role must be door, mains, upsonbattery or relay");
            }

            if (options.Line < 0)
            {
                failures.Add($"{key}:Line is required (the line offset on the chip)");
            }
            else if (!lines.TryAdd(options.Line, pin))
            {
                failures.Add($"{key}:Line {options.Line} is already used by pin {lines[options.Line]}");
            }

            if (options.Role == PinRole.Relay)
            {
                if (!ContractIdentifiers.IsDeviceId(options.Device ?? ""))
                {
                    failures.Add($"{key}:Device is required for a relay: the id of the device it powers");
                }
                else if (!devices.TryAdd(options.Device!, pin))
                {
                    failures.Add($"{key}:Device {options.Device} is already switched by pin {devices[options.Device!]}");
                }

                if (options.Pull != PinPull.None)
                {
                    failures.Add($"{key}:Pull applies to inputs only");
                }
            }
            else if (options.Device is not null || options.Uplink)
            {
                failures.Add($"{key}: Device and Uplink apply to relays only");
            }
        }
    }

    private static void ValidateSensors(CabinetOptions options, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sensors.Count; i++)
        {
            var sensor = options.Sensors[i];
            var key = $"{CabinetOptions.SectionName}:Sensors:{i}";
            if (!ContractIdentifiers.IsDeviceId(sensor.Id))
            {
                failures.Add($"{key}:Id must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
            }
            else if (!ids.Add(sensor.Id))
            {
                failures.Add($"{key}:Id {sensor.Id} is used twice");
            }

            if (!Enum.IsDefined(sensor.Type))
            {
                failures.Add($"{key}:Type must be iio, hwmon or ds18b20");
            }

            if (string.IsNullOrWhiteSpace(sensor.Device) || sensor.Device.Contains('/', StringComparison.Ordinal) || sensor.Device.Contains("..", StringComparison.Ordinal))
            {
                failures.Add($"{key}:Device is required: a driver name, chip name or 1-Wire address, not a path");
            }

            if (sensor.Type == CabinetSensorType.Ds18b20 && !sensor.Device.StartsWith(Sensors.OneWire.Ds18b20Reader.FamilyPrefix, StringComparison.Ordinal))
            {
                failures.Add($"{key}:Device must be a DS18B20 address starting with 28-");
            }

            if (sensor.Channel < 1)
            {
                failures.Add($"{key}:Channel must be 1 or more");
            }
        }
    }

    private static void ValidateAlerts(CabinetAlertOptions alerts, string at, List<string> failures)
    {
        if (!(alerts.OverTemperatureClearC < alerts.OverTemperatureRaiseC))
        {
            failures.Add($"{at}:OverTemperatureClearC must be below {at}:OverTemperatureRaiseC");
        }

        if (!(alerts.HighHumidityClearPct < alerts.HighHumidityRaisePct))
        {
            failures.Add($"{at}:HighHumidityClearPct must be below {at}:HighHumidityRaisePct");
        }

        if (alerts.DoorOpenLimit <= TimeSpan.Zero)
        {
            failures.Add($"{at}:DoorOpenLimit must be positive");
        }

        if (alerts.MainsLostHold < TimeSpan.Zero)
        {
            failures.Add($"{at}:MainsLostHold must not be negative");
        }

        if (alerts.OnBatteryHold < TimeSpan.Zero)
        {
            failures.Add($"{at}:OnBatteryHold must not be negative");
        }
    }

    private static void ValidateRelays(CabinetRelayOptions relays, string at, List<string> failures)
    {
        if (relays.MinimumOffTime < TimeSpan.FromSeconds(1) || relays.MinimumOffTime > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{at}:MinimumOffTime must be between 1 second and 10 minutes");
        }

        if (relays.MinimumOnTime < TimeSpan.Zero)
        {
            failures.Add($"{at}:MinimumOnTime must not be negative");
        }

        if (relays.MaxCyclesPerHour is < 1 or > 60)
        {
            failures.Add($"{at}:MaxCyclesPerHour must be between 1 and 60");
        }
    }
}
