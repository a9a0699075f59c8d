namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>One stream of the peer's results message: its id, bytes and (for a sender) retransmits, −1 when unknown.</summary>
public readonly record struct Iperf3StreamResult(int Id, long Bytes, long Retransmits, double StartTime, double EndTime);
