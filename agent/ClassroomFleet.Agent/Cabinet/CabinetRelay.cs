using System.Device.Gpio;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// An opened relay output switching one device's power. The line level that keeps the device powered follows from the
/// board's polarity (<see cref="CabinetPinOptions.ActiveLow"/>) and the contact used (<see cref="RelayContact"/>).
/// </summary>
public sealed class CabinetRelay
{
    private readonly GpioController _controller;

    public CabinetRelay(GpioController controller, string name, int line, string device, bool uplink, bool activeLow, RelayContact contact)
    {
        _controller = controller;
        Name = name;
        Line = line;
        Device = device;
        Uplink = uplink;
        var energised = activeLow ? PinValue.Low : PinValue.High;
        var released = activeLow ? PinValue.High : PinValue.Low;
        PowerOnLevel = contact == RelayContact.NormallyClosed ? released : energised;
        PowerOffLevel = contact == RelayContact.NormallyClosed ? energised : released;
    }

    public string Name { get; }

    public int Line { get; }

    public string Device { get; }

    public bool Uplink { get; }

    /// <summary>The level the line is opened at and returned to: the device powered.</summary>
    public PinValue PowerOnLevel { get; }

    public PinValue PowerOffLevel { get; }

    public void CutPower() => _controller.Write(Line, PowerOffLevel);

    public void RestorePower() => _controller.Write(Line, PowerOnLevel);
}
