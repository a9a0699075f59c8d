using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;

namespace ClassroomFleet.Snmp;

/// <summary>
/// Reads several columns at once: each request carries the last OID seen in every column still open, so one GETBULK
/// answer holds up to max-repetitions rows of all of them (RFC 3416 §4.2.3: answers are row-major, column i of
/// repetition r at r × N + i).
/// </summary>
internal sealed class SnmpTableReader
{
    private readonly SnmpClient _client;
    private readonly SnmpTarget _target;
    private readonly IReadOnlyList<Oid> _columns;
    private readonly bool _useGetNext;

    public SnmpTableReader(SnmpClient client, SnmpTarget target, IReadOnlyList<Oid> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        _client = client;
        _target = target;
        _columns = columns;
        _useGetNext = target.UseGetNext || target.Version == SnmpVersion.V1;
    }

    public async Task<SnmpTable> ReadAsync(SnmpBudget? budget, CancellationToken cancellationToken)
    {
        var table = new SnmpTable(_columns);
        var deadline = OperationDeadline.Start(_target.Budget, budget);
        var open = new List<int>(_columns.Count);
        var last = new Oid[_columns.Count];
        for (var i = 0; i < _columns.Count; i++)
        {
            open.Add(i);
            last[i] = _columns[i];
        }

        var maxRepetitions = Math.Max(1, _target.MaxRepetitions / _columns.Count);
        var first = true;
        while (open.Count > 0)
        {
            if (!first)
            {
                await SnmpClient.PaceAsync(_target, deadline, cancellationToken).ConfigureAwait(false);
            }

            first = false;
            var request = new Variable[open.Count];
            for (var i = 0; i < open.Count; i++)
            {
                request[i] = Variable.ForRequest(last[open[i]]);
            }

            var pdu = _useGetNext
                ? new Pdu(PduType.GetNextRequest, 0, ErrorStatus.NoError, 0, request)
                : Pdu.GetBulk(0, 0, maxRepetitions, request);
            var response = await _client.SendAsync(_target, pdu, deadline, cancellationToken).ConfigureAwait(false);
            if (response.ErrorStatus == ErrorStatus.TooBig && !_useGetNext && maxRepetitions > 1)
            {
                maxRepetitions = Math.Max(1, maxRepetitions / 2);
                continue;
            }

            if (response.ErrorStatus == ErrorStatus.NoSuchName && _target.Version == SnmpVersion.V1
                && response.ErrorIndex >= 1 && response.ErrorIndex <= open.Count)
            {
                // RFC 1157 §4.1.3: this column ran past the end of the MIB; ask again without it.
                open.RemoveAt(response.ErrorIndex - 1);
                continue;
            }

            SnmpClient.ThrowOnError(_target, response);
            if (response.Variables.Count == 0)
            {
                break;
            }

            Absorb(table, response.Variables, open, last);
        }

        return table;
    }

    private void Absorb(SnmpTable table, IReadOnlyList<Variable> variables, List<int> open, Oid[] last)
    {
        var width = open.Count;
        var closed = new bool[width];
        for (var i = 0; i < variables.Count; i++)
        {
            var slot = i % width;
            if (closed[slot])
            {
                continue;
            }

            var column = open[slot];
            var variable = variables[i];
            var index = variable.Oid.SubIdsAfter(_columns[column]);
            if (variable.Value is EndOfMibView || index.IsEmpty)
            {
                closed[slot] = true;
                continue;
            }

            if (variable.Oid <= last[column])
            {
                throw new SnmpException(
                    SnmpErrorKind.NonIncreasingOid,
                    $"{_target} returned {variable.Oid} after {last[column]} in column {_columns[column]}; the agent does not increase OIDs.");
            }

            last[column] = variable.Oid;
            table.Set(index, column, variable.Value);
        }

        for (var slot = width - 1; slot >= 0; slot--)
        {
            if (closed[slot])
            {
                open.RemoveAt(slot);
            }
        }
    }
}
