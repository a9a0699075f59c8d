namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// ERST: six digits for fan, lamp, temperature, cover open, filter and other; each 0 (no error), 1 (warning) or 2 (error).
/// </summary>
public readonly record struct PjLinkErrorStatus(int Fan, int Lamp, int Temperature, int CoverOpen, int Filter, int Other)
{
    public bool Any => Fan + Lamp + Temperature + CoverOpen + Filter + Other > 0;

    public int Worst => Math.Max(Math.Max(Math.Max(Fan, Lamp), Math.Max(Temperature, CoverOpen)), Math.Max(Filter, Other));
}
