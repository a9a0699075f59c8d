namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Which code list the entries of a list parameter must come from (checked when the pack is loaded).</summary>
public enum ParameterVocabulary
{
    None,

    /// <summary>Inventory device classes, one per entry.</summary>
    DeviceClasses,

    /// <summary>Device classes, where an entry may join classes with '+' that must all be in the same room (交互式电子白板+投影机).</summary>
    DeviceSets,

    RoomTypes,
}
