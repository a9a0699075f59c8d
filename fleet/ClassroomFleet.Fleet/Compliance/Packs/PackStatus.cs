namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>Whether a pack binds schools, only informs, or is a draft that is never evaluated by default.</summary>
public enum PackStatus
{
    Binding,
    Informational,
    Draft,
}
