namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// A metric parameter: its type, allowed values (for a choice), keys (for an integer map), range, default and, for a
/// list, the vocabulary its entries come from. A pack naming a parameter the metric does not declare, giving a value of
/// the wrong type or a code outside the vocabulary, is rejected.
/// </summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, object? Default = null, IReadOnlyList<string>? Allowed = null, decimal? Min = null, decimal? Max = null)
{
    public ParameterVocabulary Vocabulary { get; init; }

    public bool Required => Default is null;

    public static ParameterSpec Choice(string name, string? @default, params string[] allowed) => new(name, ParameterKind.Choice, @default, allowed);

    public static ParameterSpec Number(string name, decimal? @default, decimal min, decimal max) => new(name, ParameterKind.Number, @default, null, min, max);

    public static ParameterSpec List(string name, ParameterVocabulary vocabulary, IReadOnlyList<string>? @default = null) =>
        new(name, ParameterKind.TextList, @default) { Vocabulary = vocabulary };

    public static ParameterSpec Flag(string name, bool @default) => new(name, ParameterKind.Boolean, @default);

    public static ParameterSpec Text(string name, string? @default = null) => new(name, ParameterKind.Text, @default);

    public static ParameterSpec IntegerMap(string name, IReadOnlyDictionary<string, int> @default) =>
        new(name, ParameterKind.IntegerMap, @default, [.. @default.Keys], 0, int.MaxValue);
}
