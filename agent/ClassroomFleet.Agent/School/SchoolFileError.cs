namespace ClassroomFleet.Agent.School;

/// <summary>One problem in a school file: where (line, field path) and what.</summary>
public sealed record SchoolFileError(long Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Field}: {Message}" : $"{Field}: {Message}";
}
