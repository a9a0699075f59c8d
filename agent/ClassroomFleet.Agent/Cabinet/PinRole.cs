namespace ClassroomFleet.Agent.Cabinet;

/// <summary>What a GPIO line of the cabinet is wired to.</summary>
public enum PinRole
{
    /// <summary>Input: door contact; active = door open.</summary>
    Door,

    /// <summary>Input: mains monitor (UPS "line OK" contact or an opto on the mains side); active = mains present.</summary>
    Mains,

    /// <summary>Input: UPS "on battery" contact; active = running on battery.</summary>
    UpsOnBattery,

    /// <summary>Output: a relay switching the power of one named device.</summary>
    Relay,
}
