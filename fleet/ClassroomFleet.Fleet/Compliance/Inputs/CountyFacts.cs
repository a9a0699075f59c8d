namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A county (GB/T 2260 code) with its sites and the school calendar its schools follow.</summary>
public sealed record CountyFacts(string Code, string Name, string CalendarId, IReadOnlyList<SiteFacts> Sites);
