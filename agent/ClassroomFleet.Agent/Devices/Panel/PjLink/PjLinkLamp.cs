namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>One lamp of a LAMP reply: cumulative hours and whether it is lit.</summary>
public readonly record struct PjLinkLamp(long Hours, bool On);
