namespace ClassroomFleet.Snmp;

/// <summary>A conceptual table read column by column; rows in index order.</summary>
public sealed class SnmpTable
{
    private readonly SortedDictionary<Oid, SnmpTableRow> _rows = [];

    public SnmpTable(IReadOnlyList<Oid> columns) => Columns = columns;

    /// <summary>The column OIDs (entry OID + column number), in the order they were asked for.</summary>
    public IReadOnlyList<Oid> Columns { get; }

    public IReadOnlyCollection<SnmpTableRow> Rows => _rows.Values;

    public int RowCount => _rows.Count;

    public bool TryGetRow(Oid index, out SnmpTableRow row) => _rows.TryGetValue(index, out row!);

    internal void Set(Oid index, int column, SnmpValue value)
    {
        if (!_rows.TryGetValue(index, out var row))
        {
            row = new SnmpTableRow(index, Columns);
            _rows.Add(index, row);
        }

        row.Set(column, value);
    }
}
