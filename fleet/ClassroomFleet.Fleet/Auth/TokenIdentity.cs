namespace ClassroomFleet.Fleet.Auth;

/// <summary>Who a presented token belongs to.</summary>
public sealed record TokenIdentity(string Id, string Name, ApiRole Role, string? County);
