using System.Net;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Usm;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>An outstanding request waiting for its answer; completed by the receive loop.</summary>
internal sealed class PendingRequest : TaskCompletionSource<Pdu>
{
    public PendingRequest(int requestId, SocketAddress endpoint, SnmpVersion version, LocalizedKeys? keys = null, EngineState? engine = null)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        RequestId = requestId;
        Endpoint = endpoint;
        Version = version;
        Keys = keys;
        Engine = engine;
    }

    /// <summary>SNMPv3: the agent's engine as we knew it when sending; null during discovery.</summary>
    public EngineState? Engine { get; }

    public int RequestId { get; }

    /// <summary>SNMPv3: the keys the request was sent with, used to check and decrypt the answer.</summary>
    public LocalizedKeys? Keys { get; }

    /// <summary>SNMPv3: the answer's USM parameters, set before the task completes.</summary>
    public UsmSecurityParameters? ReplySecurity { get; set; }

    public bool ReplyAuthenticated { get; set; }

    public SocketAddress Endpoint { get; }

    public SnmpVersion Version { get; }
}
