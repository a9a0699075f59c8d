namespace ClassroomFleet.Agent.School;

/// <summary>PJLink settings of a panel or projector. <see cref="Credential"/> names an agent credential with a password.</summary>
public sealed class PjLinkEntry
{
    /// <summary>TCP port; 4352 by default (PJLink §2).</summary>
    public int? Port { get; set; }

    /// <summary>Absent when the device has PJLink authentication turned off.</summary>
    public string? Credential { get; set; }
}
