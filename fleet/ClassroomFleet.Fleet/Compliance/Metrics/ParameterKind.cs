namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>The type of a metric parameter.</summary>
public enum ParameterKind
{
    Choice,
    Number,
    WholeNumber,
    Boolean,
    Text,
    TextList,
    IntegerMap,
}
