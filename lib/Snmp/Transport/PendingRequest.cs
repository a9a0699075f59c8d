using System.Net;
using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>An outstanding request waiting for its answer; completed by the receive loop.</summary>
internal sealed class PendingRequest : TaskCompletionSource<Pdu>
{
    public PendingRequest(SocketAddress endpoint, SnmpVersion version)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Endpoint = endpoint;
        Version = version;
    }

    public SocketAddress Endpoint { get; }

    public SnmpVersion Version { get; }
}
