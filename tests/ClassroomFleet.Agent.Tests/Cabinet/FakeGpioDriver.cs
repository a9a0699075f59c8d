using System.Device.Gpio;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>
/// A GPIO chip in memory, under the real <see cref="GpioController"/>: records modes and writes, refuses busy or
/// absent lines the way the kernel does, and raises edges when a test changes an input's level.
/// </summary>
public sealed class FakeGpioDriver(int lineCount = 32) : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, List<PinChangeEventHandler>> _callbacks = [];

    public HashSet<int> BusyLines { get; } = [];

    public List<(int Line, PinValue Value)> Writes { get; } = [];

    public bool FailWrites { get; set; }

    protected override int PinCount => lineCount;

    public PinMode ModeOf(int line) => _modes[line];

    public PinValue LevelOf(int line)
    {
        lock (_lock)
        {
            return _levels.GetValueOrDefault(line, PinValue.Low);
        }
    }

    public int CallbackCount(int line)
    {
        lock (_lock)
        {
            return _callbacks.TryGetValue(line, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Sets an input's level as the outside world would, raising an edge if it changed.</summary>
    public void SetInput(int line, PinValue value)
    {
        List<PinChangeEventHandler> handlers;
        lock (_lock)
        {
            var before = _levels.GetValueOrDefault(line, PinValue.Low);
            _levels[line] = value;
            if (before == value)
            {
                return;
            }

            handlers = _callbacks.TryGetValue(line, out var list) ? [.. list] : [];
        }

        var edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        foreach (var handler in handlers)
        {
            handler(this, new PinValueChangedEventArgs(edge, line));
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        if (pinNumber >= lineCount)
        {
            throw new IOException($"Error while opening line {pinNumber}: Invalid argument");
        }

        if (BusyLines.Contains(pinNumber))
        {
            throw new IOException($"Pin {pinNumber} not available: Device or resource busy");
        }
    }

    protected override void ClosePin(int pinNumber)
    {
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        _modes[pinNumber] = mode;
        lock (_lock)
        {
            _levels[pinNumber] = initialValue;
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        if (FailWrites)
        {
            throw new IOException("write failed: No such device");
        }

        lock (_lock)
        {
            Writes.Add((pinNumber, value));
            _levels[pinNumber] = value;
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the cabinet module uses callbacks");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list))
            {
                list = [];
                _callbacks[pinNumber] = list;
            }

            list.Add(callback);
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            _callbacks.GetValueOrDefault(pinNumber)?.Remove(callback);
        }
    }
}
