namespace ClassroomFleet.Messaging.Connecting;

/// <summary>A failed connection attempt: its typed cause, the CONNACK reason code if the broker answered, and a text for logs.</summary>
public readonly record struct ConnectOutcome(ConnectFailure Failure, int? ReasonCode, string Detail);
