using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Typed, validated metric parameters (defaults filled in), as the metric reads them.</summary>
public sealed class ParameterValues
{
    private readonly IReadOnlyDictionary<string, object> _values;

    public ParameterValues(IReadOnlyDictionary<string, object> values) => _values = values;

    public IReadOnlyDictionary<string, object> All => _values;

    public string Choice(string name) => (string)_values[name];

    public string Text(string name) => (string)_values[name];

    public decimal Number(string name) => (decimal)_values[name];

    public bool Flag(string name) => (bool)_values[name];

    public IReadOnlyList<string> List(string name) => (IReadOnlyList<string>)_values[name];

    public int MapValue(string name, string key) => ((IReadOnlyDictionary<string, int>)_values[name])[key];

    public override string ToString() => string.Join(", ", _values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Render(v.Value)}"));

    private static string Render(object value) => value switch
    {
        IReadOnlyList<string> list => "[" + string.Join(",", list) + "]",
        IReadOnlyDictionary<string, int> map => "{" + string.Join(",", map.Select(kv => $"{kv.Key}:{kv.Value}")) + "}",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };
}
