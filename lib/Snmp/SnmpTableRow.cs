namespace ClassroomFleet.Snmp;

/// <summary>One row of an <see cref="SnmpTable"/>: its index (the OID suffix after each column) and a cell per column, null where the agent had none.</summary>
public sealed class SnmpTableRow
{
    private readonly IReadOnlyList<Oid> _columns;
    private readonly SnmpValue?[] _cells;

    internal SnmpTableRow(Oid index, IReadOnlyList<Oid> columns)
    {
        Index = index;
        _columns = columns;
        _cells = new SnmpValue?[columns.Count];
    }

    public Oid Index { get; }

    /// <summary>The cell of the column at this position in <see cref="SnmpTable.Columns"/>.</summary>
    public SnmpValue? this[int column] => _cells[column];

    /// <summary>The cell of the column with this OID; null if the row has none or the column was not read.</summary>
    public SnmpValue? this[Oid column]
    {
        get
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                if (_columns[i] == column)
                {
                    return _cells[i];
                }
            }

            return null;
        }
    }

    internal void Set(int column, SnmpValue value) => _cells[column] = value;
}
