namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>Chinese text (authoritative) and its English rendering.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(bool english) => english && En.Length > 0 ? En : Zh;
}
