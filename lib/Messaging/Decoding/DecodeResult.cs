namespace ClassroomFleet.Messaging.Decoding;

/// <summary>A decoded message, or the reason it was rejected with a human-readable detail.</summary>
public readonly record struct DecodeResult<T>(T? Value, PayloadRejectReason Reason, string? Detail)
    where T : class
{
    public bool Ok => Reason == PayloadRejectReason.None;
}
