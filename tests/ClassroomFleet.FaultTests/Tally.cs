namespace ClassroomFleet.FaultTests;

/// <summary>
/// One consistent look at a scenario: the agent's ledger as it stood (taken before InfluxDB was queried, so every point
/// in it had its chance to arrive), the synthetic n values stored, and the number of rows they came in. More rows than
/// values means a point was stored twice under different timestamps: a replay that did not overwrite itself.
/// </summary>
public sealed record Tally(IReadOnlyDictionary<long, string> Ledger, HashSet<long> Stored, int Rows)
{
    public IEnumerable<long> Collected => Ledger.Where(e => e.Value == "S").Select(e => e.Key);

    public int Duplicates => Rows - Stored.Count;
}
