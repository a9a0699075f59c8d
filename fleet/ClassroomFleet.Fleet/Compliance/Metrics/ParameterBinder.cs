using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Turns raw YAML parameter values into typed values against a metric's declared parameters, collecting every error.</summary>
public static class ParameterBinder
{
    /// <param name="raw">Parameters as written (YAML scalars arrive as strings, sequences as lists, mappings as dictionaries).</param>
    /// <param name="inherited">Already typed values to start from (an override changes only what it names).</param>
    /// <param name="specs">The metric's parameters.</param>
    /// <param name="where">Prefix for error messages, naming file and rule.</param>
    /// <param name="errors">Receives every problem found.</param>
    public static ParameterValues Bind(IReadOnlyDictionary<string, object>? raw, IReadOnlyDictionary<string, object>? inherited, IReadOnlyList<ParameterSpec> specs, string where, List<string> errors)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (inherited is not null)
        {
            foreach (var (key, value) in inherited)
            {
                values[key] = value;
            }
        }

        foreach (var (name, value) in raw ?? new Dictionary<string, object>())
        {
            var spec = specs.FirstOrDefault(s => s.Name == name);
            if (spec is null)
            {
                errors.Add($"{where}: unknown parameter '{name}' (known: {string.Join(", ", specs.Select(s => s.Name))})");
                continue;
            }

            if (Convert(spec, value, $"{where}: parameter '{name}'", errors) is { } typed)
            {
                values[name] = typed;
            }
        }

        foreach (var spec in specs.Where(s => !values.ContainsKey(s.Name)))
        {
            if (spec.Required)
            {
                errors.Add($"{where}: parameter '{spec.Name}' is required");
            }
            else
            {
                values[spec.Name] = spec.Default!;
            }
        }

        return new ParameterValues(values);
    }

    private static object? Convert(ParameterSpec spec, object value, string where, List<string> errors)
    {
        switch (spec.Kind)
        {
            case ParameterKind.Choice when value is string s && spec.Allowed!.Contains(s):
                return s;
            case ParameterKind.Choice:
                errors.Add($"{where} must be one of {string.Join(", ", spec.Allowed!)}, not '{Describe(value)}'");
                return null;
            case ParameterKind.Number or ParameterKind.WholeNumber:
                if (value is string n && decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && number >= (spec.Min ?? decimal.MinValue) && number <= (spec.Max ?? decimal.MaxValue)
                    && (spec.Kind == ParameterKind.Number || decimal.Truncate(number) == number))
                {
                    return spec.Kind == ParameterKind.WholeNumber ? (object)(int)number : number;
                }

                errors.Add($"{where} must be a {(spec.Kind == ParameterKind.WholeNumber ? "whole number" : "number")} between {spec.Min} and {spec.Max}, not '{Describe(value)}'");
                return null;
            case ParameterKind.Boolean when value is "true" or "false":
                return (string)value == "true";
            case ParameterKind.Boolean:
                errors.Add($"{where} must be true or false, not '{Describe(value)}'");
                return null;
            case ParameterKind.Text when value is string t && t.Length > 0:
                return t;
            case ParameterKind.TextList when value is List<object> list && list.Count > 0 && list.All(i => i is string { Length: > 0 }):
                IReadOnlyList<string> entries = [.. list.Cast<string>()];
                return CheckVocabulary(spec.Vocabulary, entries, where, errors) ? entries : null;
            case ParameterKind.IntegerMap when value is Dictionary<object, object> map:
                return ConvertMap(spec, map, where, errors);
            default:
                errors.Add($"{where} has the wrong type: expected {spec.Kind.ToString().ToLowerInvariant()}, got '{Describe(value)}'");
                return null;
        }
    }

    /// <summary>Every entry must be a known code; a typo would otherwise count nothing and turn into a silent FAIL.</summary>
    private static bool CheckVocabulary(ParameterVocabulary vocabulary, IReadOnlyList<string> entries, string where, List<string> errors)
    {
        var known = vocabulary switch
        {
            ParameterVocabulary.DeviceClasses or ParameterVocabulary.DeviceSets => InventoryVocabulary.DeviceClasses,
            ParameterVocabulary.RoomTypes => InventoryVocabulary.RoomTypes,
            _ => null,
        };
        if (known is null)
        {
            return true;
        }

        var what = vocabulary == ParameterVocabulary.RoomTypes ? "room type" : "device class";
        var ok = true;
        foreach (var entry in entries)
        {
            var parts = vocabulary == ParameterVocabulary.DeviceSets ? entry.Split('+') : [entry];
            if (vocabulary != ParameterVocabulary.DeviceSets && entry.Contains('+', StringComparison.Ordinal))
            {
                errors.Add($"{where}: '{entry}' joins classes with '+', which this parameter does not allow (one device class per entry)");
                ok = false;
                continue;
            }

            foreach (var part in parts)
            {
                if (!known.ContainsKey(part))
                {
                    errors.Add($"{where}: unknown {what} '{part}' (known: {string.Join(", ", known.Keys)})");
                    ok = false;
                }
            }

            if (parts.Distinct(StringComparer.Ordinal).Count() != parts.Length)
            {
                errors.Add($"{where}: '{entry}' names a device class twice");
                ok = false;
            }
        }

        return ok;
    }

    private static Dictionary<string, int>? ConvertMap(ParameterSpec spec, Dictionary<object, object> map, string where, List<string> errors)
    {
        var result = new Dictionary<string, int>((IReadOnlyDictionary<string, int>)spec.Default!, StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, raw) in map)
        {
            if (key is not string k || !spec.Allowed!.Contains(k))
            {
                errors.Add($"{where}: unknown key '{key}' (known: {string.Join(", ", spec.Allowed!)})");
                ok = false;
            }
            else if (raw is string s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                result[k] = v;
            }
            else
            {
                errors.Add($"{where}.{k} must be a whole number, not '{Describe(raw)}'");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static string Describe(object? value) => value switch
    {
        null => "(empty)",
        string s => s,
        List<object> => "(a list)",
        Dictionary<object, object> => "(a mapping)",
        _ => value.ToString() ?? "",
    };
}
