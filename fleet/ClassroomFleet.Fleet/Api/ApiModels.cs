using ClassroomFleet.Fleet.Auth;

namespace ClassroomFleet.Fleet.Api;

/// <summary>A device with its registry facts and, when InfluxDB has a point for it, its last health.</summary>
public sealed record DeviceView(
    string Id, string? Kind, string? Room, bool InInventory, string? LastAgent, DateTimeOffset? LastSeen, DeviceHealth? Health);

/// <summary>The uplink bandwidth of a school over a window.</summary>
public sealed record UplinkView(string School, int WindowMinutes, IReadOnlyList<UplinkFigures> Interfaces);

/// <summary>A request to create a token. <see cref="County"/> empty means every county (only for an admin of every county).</summary>
public sealed record CreateTokenRequest(string Name, ApiRole Role, string? County);

/// <summary>A created token: <see cref="Token"/> is shown this once and never again.</summary>
public sealed record CreatedToken(string Id, string Name, ApiRole Role, string? County, string Token);

/// <summary>An error with a text saying what to fix.</summary>
public sealed record ApiError(string Error);
