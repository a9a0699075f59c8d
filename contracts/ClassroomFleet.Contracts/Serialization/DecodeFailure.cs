namespace ClassroomFleet.Contracts.Serialization;

/// <summary>Why a payload was refused; used as a metric label, so the set is small and fixed.</summary>
public enum DecodeFailure
{
    TooLarge,
    MalformedJson,
    UnknownSchema,
    Invalid,
    Spoofed,
}
