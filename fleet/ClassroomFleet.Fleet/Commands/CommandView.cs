using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Commands;

/// <summary>A command and where it stands in its lifecycle.</summary>
public sealed record CommandView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("device")] string? Device,
    [property: JsonPropertyName("issued_by")] string IssuedBy,
    [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("output")] string? Output);

/// <summary>The body of <c>POST /api/v1/commands</c>.</summary>
public sealed record CommandRequest(
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("device")] string? Device,
    [property: JsonPropertyName("args")] Dictionary<string, string>? Args,
    [property: JsonPropertyName("expires_in_s")] int? ExpiresInSeconds);
