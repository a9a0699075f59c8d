namespace ClassroomFleet.Agent.Cabinet;

/// <summary>One GPIO line of a gateway model (<c>Cabinet:Models:&lt;model&gt;:Pins:&lt;name&gt;</c>); the name is the <c>input</c> tag.</summary>
public sealed class CabinetPinOptions
{
    public PinRole Role { get; set; }

    /// <summary>The line offset on the chip (<c>gpioinfo</c> lists them), not a header pin number.</summary>
    public int Line { get; set; } = -1;

    /// <summary>Inputs only: the bias to request.</summary>
    public PinPull Pull { get; set; } = PinPull.None;

    /// <summary>Inputs: the active state (door open, mains present, on battery) reads low. Relays: the coil is energised by a low level.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Relays only: the device id (as in the school file) whose power this relay switches.</summary>
    public string? Device { get; set; }

    /// <summary>Relays only: the contact the supply runs through.</summary>
    public RelayContact Contact { get; set; } = RelayContact.NormallyClosed;

    /// <summary>Relays only: the device carries the gateway's own uplink (modem, router, core switch): cycled only when forced.</summary>
    public bool Uplink { get; set; }
}
