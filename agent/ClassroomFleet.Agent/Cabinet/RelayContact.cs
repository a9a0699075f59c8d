namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Which relay contact the device's supply runs through.</summary>
public enum RelayContact
{
    /// <summary>NC: the device is powered while the coil is off, so a stopped agent or a dead gateway leaves it on. Recommended.</summary>
    NormallyClosed,

    /// <summary>NO: the device is powered only while the coil is energised.</summary>
    NormallyOpen,
}
