namespace ClassroomFleet.Fleet.Auth;

/// <summary>A token created through the API, as listed (the hash is never shown).</summary>
public sealed record StoredToken(string Id, string Name, ApiRole Role, string? County, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked);
