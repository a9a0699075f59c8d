using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Why a registry feed message was refused: the reason code (a metric label) and a text for the log.</summary>
public sealed record RegistryReject(DecodeFailure Failure, string Reason);
