namespace ClassroomFleet.Snmp.Pdus;

/// <summary>
/// Every PDU except the SNMPv1 Trap (RFC 3416 §3). For GetBulkRequest the two integer fields carry non-repeaters and
/// max-repetitions instead of error-status and error-index (RFC 3416 §4.2.3).
/// </summary>
public sealed record Pdu(PduType Type, int RequestId, ErrorStatus ErrorStatus, int ErrorIndex, IReadOnlyList<Variable> Variables)
    : SnmpPdu(Type, Variables)
{
    public int NonRepeaters => (int)ErrorStatus;

    public int MaxRepetitions => ErrorIndex;

    public static Pdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<Variable> variables) =>
        new(PduType.GetBulkRequest, requestId, (ErrorStatus)nonRepeaters, maxRepetitions, variables);
}
