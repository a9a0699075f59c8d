using System.Device.Gpio;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The cabinet's GPIO session: the controller on the configured driver and chip, every pin of the model's map opened
/// (inputs with their bias, relays at their power-on level so that opening never glitches a device off). Opening never
/// throws for the hardware: a missing libgpiod, chip or line, or a busy line, leaves <see cref="Error"/> set and no
/// lines open, and the rest of the agent runs.
/// </summary>
public sealed class CabinetGpio : IDisposable
{
    private readonly GpioController? _controller;

    private CabinetGpio(GpioController? controller, IReadOnlyList<CabinetInput> inputs, IReadOnlyList<CabinetRelay> relays, string? error)
    {
        _controller = controller;
        Inputs = inputs;
        Relays = relays;
        Error = error;
    }

    /// <summary>Why GPIO is unavailable although configured; null when it works or is not configured.</summary>
    public string? Error { get; }

    public IReadOnlyList<CabinetInput> Inputs { get; }

    public IReadOnlyList<CabinetRelay> Relays { get; }

    public static CabinetGpio Open(CabinetOptions options, IGpioDriverFactory factory)
    {
        if (!options.Enabled || options.EffectiveDriver == GpioDriverKind.None)
        {
            return new CabinetGpio(null, [], [], null);
        }

        GpioDriver driver;
        try
        {
            driver = factory.Create(options.EffectiveDriver, options.EffectiveChip);
        }
        catch (Exception ex) when (GpioFailure.IsHardware(ex))
        {
            return Failed(GpioFailure.ForChip(ex, options.EffectiveDriver, options.EffectiveChip));
        }

        var controller = new GpioController(driver);
        var inputs = new List<CabinetInput>();
        var relays = new List<CabinetRelay>();
        foreach (var (name, pin) in options.ActivePins().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                if (pin.Role == PinRole.Relay)
                {
                    var relay = new CabinetRelay(controller, name, pin.Line, pin.Device!, pin.Uplink, pin.ActiveLow, pin.Contact);
                    controller.OpenPin(pin.Line, PinMode.Output, relay.PowerOnLevel);
                    relays.Add(relay);
                }
                else
                {
                    controller.OpenPin(pin.Line, CabinetInput.ModeFor(pin.Pull));
                    inputs.Add(new CabinetInput(controller, name, pin.Role, pin.Line, pin.ActiveLow));
                }
            }
            catch (Exception ex) when (GpioFailure.IsHardware(ex))
            {
                var lineCount = SafePinCount(controller);
                controller.Dispose();
                return Failed(GpioFailure.ForLine(ex, name, pin.Line, options.EffectiveChip, lineCount));
            }
        }

        return new CabinetGpio(controller, inputs, relays, null);
    }

    public void Dispose() => _controller?.Dispose();

    private static CabinetGpio Failed(string error) => new(null, [], [], error);

    private static int SafePinCount(GpioController controller)
    {
        try
        {
            return controller.PinCount;
        }
        catch (Exception ex) when (GpioFailure.IsHardware(ex))
        {
            return 0;
        }
    }
}
