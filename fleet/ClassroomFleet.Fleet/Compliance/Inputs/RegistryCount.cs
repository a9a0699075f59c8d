namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A count from the authoritative register (班级数, 专任教师数, 在校生数) with the date it was true and where it came from.</summary>
public sealed record RegistryCount(int Value, DateOnly AsOf, string Source);
