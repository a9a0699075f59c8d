using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The retained payload of <c>cf/v1/{county}/{school}/inventory</c>: the facts of the school file in force on the agent
/// (counts with their as-of dates, rooms, devices), from which the fleet keeps its registry. Published at start and
/// whenever the school file changes. Holds no secrets and no addresses.
/// </summary>
public sealed record InventoryMessage
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("county")]
    public required string County { get; init; }

    [JsonPropertyName("school")]
    public required string School { get; init; }

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>urban</c> 城镇, <c>rural</c> 农村成建制 or <c>teaching_point</c> 教学点.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>The NBS statistics urban-rural classification code (城乡分类代码), e.g. <c>111</c>.</summary>
    [JsonPropertyName("urban_rural_code")]
    public string? UrbanRuralCode { get; init; }

    [JsonPropertyName("classes")]
    public DatedCount? Classes { get; init; }

    [JsonPropertyName("teachers")]
    public DatedCount? Teachers { get; init; }

    [JsonPropertyName("students")]
    public DatedCount? Students { get; init; }

    [JsonPropertyName("rooms")]
    public IReadOnlyList<InventoryRoom> Rooms { get; init; } = [];

    [JsonPropertyName("devices")]
    public IReadOnlyList<InventoryDevice> Devices { get; init; } = [];

    /// <summary>SHA-256 of the school file text, so the fleet can tell which version is in force.</summary>
    [JsonPropertyName("school_file_sha256")]
    public string? SchoolFileSha256 { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }
}

/// <summary>A count from the authoritative register (班级数, 专任教师数, 学生数) with the date it holds for and its source.</summary>
public sealed record DatedCount(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("as_of")] DateOnly AsOf,
    [property: JsonPropertyName("source")] string? Source = null);

/// <summary>A room of the school (its type decides which rules count it).</summary>
public sealed record InventoryRoom(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

/// <summary>A device registered in the school file.</summary>
public sealed record InventoryDevice(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("room")] string? Room);
