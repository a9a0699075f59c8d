namespace ClassroomFleet.Fleet.Registry.Migrations;

/// <summary>One versioned schema script, named <c>NNNN_description.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
