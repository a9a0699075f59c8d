using System.Text.Json;

namespace ClassroomFleet.Influx.Http;

/// <summary>
/// One series of a statement result: name, tags (for GROUP BY queries), columns and rows. Cells are kept as
/// <see cref="JsonElement"/> because a column may mix types; the typed getters convert.
/// </summary>
public sealed class InfluxSeries
{
    public InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<JsonElement>> values)
    {
        Name = name;
        Tags = tags;
        Columns = columns;
        Values = values;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<JsonElement>> Values { get; }

    /// <summary>The index of <paramref name="column"/>, or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public JsonElement Cell(int row, string column)
    {
        var index = ColumnIndex(column);
        return index < 0 ? throw new KeyNotFoundException($"Series '{Name}' has no column '{column}'.") : Values[row][index];
    }

    /// <summary>A cell as text; null for JSON null.</summary>
    public string? GetString(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => cell.GetString(),
            _ => cell.GetRawText(),
        };
    }

    public double? GetDouble(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetDouble();
    }

    public long? GetInt64(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetInt64();
    }

    public bool? GetBoolean(int row, string column)
    {
        var cell = Cell(row, column);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetBoolean();
    }
}
