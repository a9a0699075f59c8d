namespace ClassroomFleet.Bench.Mqtt;

/// <summary>
/// One throughput run: when the publisher was done, when the last message reached the subscriber, and how many did.
/// At QoS 0 fewer than all may arrive (the protocol allows it); the row then says how many.
/// </summary>
internal sealed record ThroughputRun(TimeSpan Published, TimeSpan Delivered, int Received);
