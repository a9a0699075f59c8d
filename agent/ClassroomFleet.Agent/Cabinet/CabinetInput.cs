using System.Device.Gpio;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>An opened input line: door contact, mains monitor or UPS battery contact.</summary>
public sealed class CabinetInput(GpioController controller, string name, PinRole role, int line, bool activeLow)
{
    public string Name { get; } = name;

    public PinRole Role { get; } = role;

    public int Line { get; } = line;

    internal GpioController Controller { get; } = controller;

    /// <summary>True when the input is in its active state: door open, mains present, on battery.</summary>
    public bool ReadActive() => Controller.Read(Line) == (activeLow ? PinValue.Low : PinValue.High);

    internal static PinMode ModeFor(PinPull pull) => pull switch
    {
        PinPull.Up => PinMode.InputPullUp,
        PinPull.Down => PinMode.InputPullDown,
        _ => PinMode.Input,
    };
}
