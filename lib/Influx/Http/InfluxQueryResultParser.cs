using System.Text.Json;

namespace ClassroomFleet.Influx.Http;

/// <summary>
/// Reads the JSON the v1 <c>/query</c> endpoint returns:
/// <c>{"results":[{"statement_id":0,"series":[{"name":…,"tags":{…},"columns":[…],"values":[[…]]}],"error":…}],"error":…}</c>.
/// </summary>
public static class InfluxQueryResultParser
{
    /// <exception cref="InfluxQueryException">The text is not a query result.</exception>
    public static QueryResult Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InfluxQueryException($"The query answer is not JSON: {e.Message}", statusCode: null, e);
        }
        catch (InvalidOperationException e)
        {
            throw new InfluxQueryException($"The query answer is not shaped as a result: {e.Message}", statusCode: null, e);
        }
    }

    private static QueryResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("the top level is not an object");
        }

        var statements = new List<StatementResult>();
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var statement in results.EnumerateArray())
            {
                statements.Add(ReadStatement(statement));
            }
        }

        return new QueryResult(statements, OptionalString(root, "error"));
    }

    private static StatementResult ReadStatement(JsonElement statement)
    {
        var id = statement.TryGetProperty("statement_id", out var idElement) ? idElement.GetInt32() : 0;
        var series = new List<InfluxSeries>();
        if (statement.TryGetProperty("series", out var seriesArray) && seriesArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in seriesArray.EnumerateArray())
            {
                series.Add(ReadSeries(item));
            }
        }

        return new StatementResult(id, series, OptionalString(statement, "error"));
    }

    private static InfluxSeries ReadSeries(JsonElement item)
    {
        var name = OptionalString(item, "name") ?? "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? "" : tag.Value.GetRawText();
            }
        }

        var columns = new List<string>();
        if (item.TryGetProperty("columns", out var columnArray))
        {
            foreach (var column in columnArray.EnumerateArray())
            {
                columns.Add(column.GetString() ?? "");
            }
        }

        var rows = new List<IReadOnlyList<JsonElement>>();
        if (item.TryGetProperty("values", out var valueArray) && valueArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in valueArray.EnumerateArray())
            {
                // One clone per row keeps the cells valid after the document is disposed.
                var owned = row.Clone();
                var cells = new JsonElement[owned.GetArrayLength()];
                var i = 0;
                foreach (var cell in owned.EnumerateArray())
                {
                    cells[i++] = cell;
                }

                rows.Add(cells);
            }
        }

        return new InfluxSeries(name, tags, columns, rows);
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
