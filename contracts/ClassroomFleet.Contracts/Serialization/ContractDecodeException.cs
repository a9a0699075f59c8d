namespace ClassroomFleet.Contracts.Serialization;

/// <summary>A payload that is not a valid contract message. The consumer counts it by <see cref="Failure"/> and goes on.</summary>
public sealed class ContractDecodeException : Exception
{
    public ContractDecodeException(DecodeFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public ContractDecodeException()
    {
    }

    public ContractDecodeException(string message)
        : base(message)
    {
    }

    public ContractDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DecodeFailure Failure { get; } = DecodeFailure.Invalid;
}
