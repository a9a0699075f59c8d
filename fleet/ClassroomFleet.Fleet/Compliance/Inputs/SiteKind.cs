namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A full school (成建制学校) or a teaching point (教学点) administered by a parent school.</summary>
public enum SiteKind
{
    School,
    TeachingPoint,
}
