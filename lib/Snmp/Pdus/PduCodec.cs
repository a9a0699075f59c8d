using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp.Pdus;

/// <summary>Encodes and decodes PDUs and their variable-binding lists; no I/O.</summary>
internal static class PduCodec
{
    public static void Encode(ref BerWriter writer, SnmpPdu pdu)
    {
        var mark = writer.Written;
        EncodeVariables(ref writer, pdu.Variables);
        switch (pdu)
        {
            case Pdu p:
                writer.WriteInteger(p.ErrorIndex);
                writer.WriteInteger((int)p.ErrorStatus);
                writer.WriteInteger(p.RequestId);
                break;
            case TrapV1Pdu t:
                writer.WriteUnsigned(t.TimeStamp, BerTag.TimeTicks);
                writer.WriteInteger(t.SpecificTrap);
                writer.WriteInteger(t.GenericTrap);
                new IpAddress(t.AgentAddress).Encode(ref writer);
                writer.WriteOid(t.Enterprise);
                break;
            default:
                throw new ArgumentException($"Unknown PDU record {pdu.GetType().Name}.", nameof(pdu));
        }

        writer.WriteConstructed((byte)pdu.Type, mark);
    }

    public static SnmpPdu Decode(ref BerReader reader)
    {
        var tag = reader.PeekTag();
        if (tag is < (byte)PduType.GetRequest or > (byte)PduType.Report)
        {
            throw new SnmpDecodeException($"Unknown PDU type 0x{tag:X2}.");
        }

        var body = reader.ReadSequence(tag);
        var type = (PduType)tag;
        SnmpPdu pdu;
        if (type == PduType.TrapV1)
        {
            var enterprise = body.ReadOid();
            var agentAddress = BerReader.DecodeIpAddress(body.ReadTlv(BerTag.IpAddress));
            var generic = body.ReadInt32();
            var specific = body.ReadInt32();
            var timeStamp = (uint)BerReader.DecodeUnsigned(body.ReadTlv(BerTag.TimeTicks), 4);
            pdu = new TrapV1Pdu(enterprise, agentAddress, generic, specific, timeStamp, DecodeVariables(ref body));
        }
        else
        {
            var requestId = body.ReadInt32();
            var errorStatus = body.ReadInt32();
            var errorIndex = body.ReadInt32();
            pdu = new Pdu(type, requestId, (ErrorStatus)errorStatus, errorIndex, DecodeVariables(ref body));
        }

        return body.HasMore ? throw new SnmpDecodeException("Trailing bytes after the variable bindings.") : pdu;
    }

    /// <summary>Reads only the request-id of a non-Trap PDU, to route a reply before decoding the rest.</summary>
    public static int PeekRequestId(ref BerReader reader)
    {
        var tag = reader.PeekTag();
        if (tag is < (byte)PduType.GetRequest or > (byte)PduType.Report or (byte)PduType.TrapV1)
        {
            throw new SnmpDecodeException($"PDU type 0x{tag:X2} has no request-id.");
        }

        var body = reader.ReadSequence(tag);
        return body.ReadInt32();
    }

    private static void EncodeVariables(ref BerWriter writer, IReadOnlyList<Variable> variables)
    {
        var listMark = writer.Written;
        for (var i = variables.Count - 1; i >= 0; i--)
        {
            var mark = writer.Written;
            variables[i].Value.Encode(ref writer);
            writer.WriteOid(variables[i].Oid);
            writer.WriteConstructed(BerTag.Sequence, mark);
        }

        writer.WriteConstructed(BerTag.Sequence, listMark);
    }

    private static List<Variable> DecodeVariables(ref BerReader reader)
    {
        var list = reader.ReadSequence();
        var variables = new List<Variable>();
        while (list.HasMore)
        {
            var binding = list.ReadSequence();
            var oid = binding.ReadOid();
            var value = SnmpValueDecoder.Decode(ref binding);
            if (binding.HasMore)
            {
                throw new SnmpDecodeException("Trailing bytes inside a variable binding.");
            }

            variables.Add(new Variable(oid, value));
        }

        return variables;
    }
}
