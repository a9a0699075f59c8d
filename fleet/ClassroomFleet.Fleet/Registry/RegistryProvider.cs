namespace ClassroomFleet.Fleet.Registry;

/// <summary>The database that holds the registry.</summary>
public enum RegistryProvider
{
    /// <summary>An embedded SQLite file (the default; one fleet instance).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (larger deployments; several fleet instances share it).</summary>
    Postgres,
}
