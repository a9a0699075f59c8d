using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// The in-use rooms of the listed types, the excluded ones as inputs, or why none can be judged: no room inventory at all
/// or none of the listed types (UNKNOWN: data missing), or every such room out of use (NOT_APPLICABLE).
/// </summary>
public sealed record RoomSelection(IReadOnlyList<RoomFacts> InUse, IReadOnlyList<EvidenceInput> Inputs, Reason? Problem)
{
    public static RoomSelection Of(SiteFacts site, IReadOnlyList<string> types)
    {
        if (site.Rooms.Count == 0)
        {
            return new RoomSelection([], [], Reason.NoRoomInventory());
        }

        var rooms = site.Rooms.Where(r => types.Contains(r.Type)).ToList();
        var inputs = new List<EvidenceInput>();
        foreach (var excluded in rooms.Where(r => !r.InUse))
        {
            inputs.Add(new EvidenceInput(Phrase.Of("input.room_excluded", excluded.Id, Phrase.Term("room", excluded.Type)),
                excluded.ExclusionReason is { } why ? Phrase.Plain(why) : Phrase.Of("value.not_in_use"), Phrase.Of("source.inventory")));
        }

        var inUse = rooms.Where(r => r.InUse).ToList();
        Reason? problem = rooms.Count == 0 ? Reason.NoRoomsInScope() : inUse.Count == 0 ? Reason.AllRoomsExcluded(rooms.Count) : null;
        return new RoomSelection(inUse, inputs, problem);
    }
}
