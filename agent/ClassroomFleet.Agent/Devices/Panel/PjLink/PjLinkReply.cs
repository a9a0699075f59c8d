namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>One answer: <c>%1POWR=1</c> is class 1, command POWR, value "1"; <c>%1LAMP=ERR1</c> has <see cref="Error"/> set.</summary>
public sealed record PjLinkReply(int Class, string Command, string Value, PjLinkError Error)
{
    public bool IsError => Error != PjLinkError.None;
}
