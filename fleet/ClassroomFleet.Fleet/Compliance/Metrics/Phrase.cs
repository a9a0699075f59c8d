namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Text a metric produces for the report, kept language-neutral: a message key with its arguments, rendered later in
/// Chinese or English (<c>Reports/ReportText</c>). Arguments are data shown as they are (strings, numbers, dates),
/// nested phrases, or lists of either. An empty key is verbatim data (a room id, a register source such as 学籍系统).
/// </summary>
public sealed record Phrase(string Key, IReadOnlyList<object> Args)
{
    public static Phrase Of(string key, params object[] args) => new(key, args);

    /// <summary>Data shown verbatim in every language.</summary>
    public static Phrase Plain(string text) => new("", [text]);

    /// <summary>A vocabulary term (device class, room type, stage…) shown by its label, for example <c>device:student_pc</c>.</summary>
    public static Phrase Term(string vocabulary, string code) => new($"{vocabulary}:{code}", []);

    public bool IsPlain => Key.Length == 0;

    /// <summary>A language-neutral form for logs and test messages (key and arguments), not for people.</summary>
    public override string ToString() => IsPlain ? (string)Args[0] : Args.Count == 0 ? Key : $"{Key}({string.Join("; ", Args.Select(Describe))})";

    private static string Describe(object arg) => arg switch
    {
        IEnumerable<object> list when arg is not string => "[" + string.Join(", ", list.Select(Describe)) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => arg.ToString() ?? "",
    };
}
