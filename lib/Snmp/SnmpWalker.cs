using System.Runtime.CompilerServices;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;

namespace ClassroomFleet.Snmp;

/// <summary>One subtree walk (RFC 3416 §4.2.2-4.2.3 used as in RFC 3416 §4.2.3's example): GETBULK or GETNEXT from the last OID seen.</summary>
internal sealed class SnmpWalker
{
    private readonly SnmpClient _client;
    private readonly SnmpTarget _target;
    private readonly Oid _root;
    private readonly bool _useGetNext;
    private int _maxRepetitions;

    public SnmpWalker(SnmpClient client, SnmpTarget target, Oid root)
    {
        _client = client;
        _target = target;
        _root = root;
        _useGetNext = target.UseGetNext || target.Version == SnmpVersion.V1;
        _maxRepetitions = Math.Max(1, target.MaxRepetitions);
    }

    public async IAsyncEnumerable<Variable> RunAsync(SnmpBudget? budget, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var deadline = OperationDeadline.Start(_target.Budget, budget);
        var last = _root;
        var yielded = 0;
        var first = true;
        while (true)
        {
            if (!first)
            {
                await SnmpClient.PaceAsync(_target, deadline, cancellationToken).ConfigureAwait(false);
            }

            first = false;
            var page = await NextPageAsync(last, deadline, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                continue;
            }

            var done = page.Count == 0;
            foreach (var variable in page)
            {
                if (variable.Value is EndOfMibView || !variable.Oid.StartsWith(_root) || variable.Oid.Length == _root.Length)
                {
                    done = true;
                    break;
                }

                if (variable.Oid <= last)
                {
                    throw new SnmpException(
                        SnmpErrorKind.NonIncreasingOid,
                        $"{_target} returned {variable.Oid} after {last} while walking {_root}; the agent does not increase OIDs.");
                }

                last = variable.Oid;
                yielded++;
                yield return variable;
            }

            if (done)
            {
                break;
            }
        }

        if (yielded == 0)
        {
            var root = await _client.SendAsync(_target, new Pdu(PduType.GetRequest, 0, ErrorStatus.NoError, 0, [Variable.ForRequest(_root)]), deadline, cancellationToken)
                .ConfigureAwait(false);
            if (root is { ErrorStatus: ErrorStatus.NoError, Variables: [{ Value.IsException: false } instance] })
            {
                yield return instance;
            }
        }
    }

    /// <summary>The next answer's bindings; empty at the end of the MIB; null to ask again (after shrinking on tooBig).</summary>
    private async Task<IReadOnlyList<Variable>?> NextPageAsync(Oid from, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        Variable[] request = [Variable.ForRequest(from)];
        var pdu = _useGetNext
            ? new Pdu(PduType.GetNextRequest, 0, ErrorStatus.NoError, 0, request)
            : Pdu.GetBulk(0, 0, _maxRepetitions, request);
        var response = await _client.SendAsync(_target, pdu, deadline, cancellationToken).ConfigureAwait(false);
        switch (response.ErrorStatus)
        {
            case ErrorStatus.NoError:
                return response.Variables;
            case ErrorStatus.NoSuchName when _target.Version == SnmpVersion.V1:
                // RFC 1157 §4.1.3: a v1 agent signals the end of its MIB this way.
                return [];
            case ErrorStatus.TooBig when !_useGetNext && _maxRepetitions > 1:
                _maxRepetitions = Math.Max(1, _maxRepetitions / 2);
                return null;
            default:
                SnmpClient.ThrowOnError(_target, response);
                return [];
        }
    }
}
