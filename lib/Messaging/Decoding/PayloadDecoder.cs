using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Messaging.Decoding;

/// <summary>
/// Decodes the JSON payload of one topic kind (telemetry, status, command...) where it is consumed: checks the size,
/// UTF-8, JSON shape and the message's own rule, and on failure counts the reject by reason and logs it, so that a bad
/// message costs one log line and nothing else. Thread-safe; one instance per kind.
/// </summary>
public sealed class PayloadDecoder<T>
    where T : class
{
    private readonly string _kind;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly int _maximumBytes;
    private readonly Func<T, IncomingMessage, string?>? _validate;
    private readonly PayloadRejectCounters _counters;
    private readonly ILogger _logger;

    /// <param name="kind">The topic kind, used as the counter key and in logs.</param>
    /// <param name="typeInfo">Source-generated (or reflection) JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="maximumBytes">Payloads above this are rejected without parsing.</param>
    /// <param name="validate">Returns an error text for a well-formed but invalid message (e.g. its ids do not match the topic), or null.</param>
    public PayloadDecoder(
        string kind,
        JsonTypeInfo<T> typeInfo,
        int maximumBytes,
        PayloadRejectCounters counters,
        ILogger logger,
        Func<T, IncomingMessage, string?>? validate = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumBytes, 1);
        _kind = kind;
        _typeInfo = typeInfo;
        _maximumBytes = maximumBytes;
        _counters = counters;
        _logger = logger;
        _validate = validate;
    }

    public DecodeResult<T> Decode(IncomingMessage message)
    {
        var payload = message.Payload.Span;
        if (payload.Length > _maximumBytes)
        {
            return Reject(message, PayloadRejectReason.Oversized, $"limit {_maximumBytes}");
        }

        if (!Utf8.IsValid(payload))
        {
            return Reject(message, PayloadRejectReason.NotUtf8, null);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(payload, _typeInfo);
        }
        catch (JsonException ex)
        {
            return Reject(message, PayloadRejectReason.InvalidJson, ex.Message);
        }

        if (value is null)
        {
            return Reject(message, PayloadRejectReason.InvalidJson, "null");
        }

        if (_validate?.Invoke(value, message) is { } error)
        {
            return Reject(message, PayloadRejectReason.Invalid, error);
        }

        _counters.Accept();
        return new DecodeResult<T>(value, PayloadRejectReason.None, null);
    }

    private DecodeResult<T> Reject(IncomingMessage message, PayloadRejectReason reason, string? detail)
    {
        _counters.Reject(_kind, reason);
        _logger.Rejected(_kind, message.Topic, message.Payload.Length, reason, detail);
        return new DecodeResult<T>(null, reason, detail);
    }
}
