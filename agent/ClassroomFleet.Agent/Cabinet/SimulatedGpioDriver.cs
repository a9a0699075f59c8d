using System.Collections.Concurrent;
using System.Device.Gpio;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// A GPIO chip without hardware (<see cref="GpioDriverKind.Simulated"/>): an input reads <c>{folder}/line{N}</c>
/// ("1" high, anything else low; a missing file keeps the line's last level), an output keeps what was written. Edges
/// are never raised, so a change shows at the cabinet's next periodic reading. For demos and bench setups only.
/// </summary>
public sealed class SimulatedGpioDriver(string folder, int lineCount = 64) : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _levels = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();

    protected override int PinCount => lineCount;

    protected override void OpenPin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= lineCount)
        {
            throw new IOException($"simulated GPIO chip has no line {pinNumber} (it has {lineCount})");
        }
    }

    protected override void ClosePin(int pinNumber)
    {
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        _modes[pinNumber] = mode;
        _levels[pinNumber] = initialValue;
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        if (GetPinMode(pinNumber) != PinMode.Output && File.Exists(LinePath(pinNumber)))
        {
            _levels[pinNumber] = File.ReadAllText(LinePath(pinNumber)).Trim() == "1" ? PinValue.High : PinValue.Low;
        }

        return _levels.GetValueOrDefault(pinNumber, PinValue.Low);
    }

    protected override void Write(int pinNumber, PinValue value) => _levels[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated chip raises no edges; the cabinet module reads it periodically");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }

    private string LinePath(int pinNumber) => Path.Combine(folder, "line" + pinNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
