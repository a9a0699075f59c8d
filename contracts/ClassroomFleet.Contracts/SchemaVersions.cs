namespace ClassroomFleet.Contracts;

/// <summary>Versions of the wire contract. A consumer rejects a message whose schema it does not know.</summary>
public static class SchemaVersions
{
    /// <summary>Contract v1: topics under <c>cf/v1/</c>, JSON payloads with <c>"schema": 1</c>.</summary>
    public const int V1 = 1;

    public const int Current = V1;
}
