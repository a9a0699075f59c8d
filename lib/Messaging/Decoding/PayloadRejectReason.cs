namespace ClassroomFleet.Messaging.Decoding;

/// <summary>Why a received payload was rejected by <see cref="PayloadDecoder{T}"/>.</summary>
public enum PayloadRejectReason
{
    None,

    /// <summary>Larger than the decoder's limit for this topic kind.</summary>
    Oversized,

    /// <summary>Not valid UTF-8 (RFC 8259 §8.1 requires UTF-8 for JSON exchanged between systems).</summary>
    NotUtf8,

    /// <summary>Not JSON, or JSON of the wrong shape for the message type.</summary>
    InvalidJson,

    /// <summary>Well-formed, but the message's own validation refused it (missing field, id for another topic...).</summary>
    Invalid,
}
