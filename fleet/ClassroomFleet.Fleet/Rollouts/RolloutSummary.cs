namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>The closing line of a rollout. A skipped school (no school file known) is counted apart: it is not a success.</summary>
public static class RolloutSummary
{
    /// <summary>e.g. "2 of 4 schools succeeded, 1 skipped (no school file known), 1 failed".</summary>
    public static string Of(IReadOnlyCollection<RolloutSchool> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var succeeded = schools.Count(s => s.Status == RolloutStates.Succeeded);
        var skipped = schools.Count(s => s.Status == RolloutStates.Skipped);
        var failed = schools.Count(s => s.Status == RolloutStates.Failed);
        return $"{succeeded} of {schools.Count} schools succeeded, {skipped} skipped (no school file known), {failed} failed";
    }
}
