namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The line bias of an input, set by the GPIO chip when the line is requested.</summary>
public enum PinPull
{
    None,
    Up,
    Down,
}
