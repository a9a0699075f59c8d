namespace ClassroomFleet.Agent.School;

/// <summary>A room of the school: 普通教室, 功能教室, 录播教室 and so on.</summary>
public sealed class RoomEntry
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";
}
