using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Opens the cabinet's GPIO once, on first use, and says once, in the log, whether it works.</summary>
public sealed class CabinetHardware : IDisposable
{
    private readonly Lazy<CabinetGpio> _gpio;

    public CabinetHardware(IOptions<CabinetOptions> options, IGpioDriverFactory factory, ILogger<CabinetHardware> logger)
    {
        _gpio = new Lazy<CabinetGpio>(() =>
        {
            var settings = options.Value;
            var gpio = CabinetGpio.Open(settings, factory);
            if (gpio.Error is { } error)
            {
                logger.GpioUnavailable(error);
            }
            else if (settings.Enabled && settings.EffectiveDriver != GpioDriverKind.None)
            {
                logger.GpioReady(settings.EffectiveDriver, settings.EffectiveChip, settings.Model, gpio.Inputs.Count, gpio.Relays.Count);
            }

            return gpio;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CabinetGpio Gpio => _gpio.Value;

    public void Dispose()
    {
        if (_gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }
}
