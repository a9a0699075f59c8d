namespace ClassroomFleet.Agent.School;

/// <summary>Per-device changes to its device profile; an absent value keeps the profile's.</summary>
public sealed class ProfileOverrides
{
    public string? Timeout { get; set; }

    public string? Pacing { get; set; }

    public int? MaxRepetitions { get; set; }

    /// <summary>The most one poll of this device may take, all requests included.</summary>
    public string? Budget { get; set; }

    /// <summary>PJLink commands to poll instead of the profile's list.</summary>
    public List<string>? Commands { get; set; }
}
