using System.Buffers;

namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>A PJLink query as profiles write it: the class digit and the 4-character command body, e.g. <c>1POWR</c>.</summary>
public static class PjLinkCommandText
{
    private static readonly SearchValues<char> BodyCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static bool IsValid(string text) =>
        text.Length == 5 && text[0] is '1' or '2' && !text.AsSpan(1).ContainsAnyExcept(BodyCharacters);
}
