namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A class (教学班) with its size (班额), its home room and the labs it is taught in.</summary>
public sealed record ClassFacts(string Id, int? Size, string? HomeRoom, IReadOnlyList<string> Labs);
