namespace ClassroomFleet.Influx.LineProtocol;

/// <summary>
/// Builds one line of a <see cref="LineProtocolBuffer"/>: <c>.Tag(…)</c>s (in any order; they are written sorted by key),
/// then at least one <c>.Field(…)</c>, then <see cref="Timestamp"/> (or <see cref="EndWithoutTimestamp"/>) ends the line.
/// A builder is valid only for its own line; using it after the line ended throws.
/// </summary>
public readonly struct PointBuilder : IEquatable<PointBuilder>
{
    private readonly LineProtocolBuffer _buffer;
    private readonly int _version;

    internal PointBuilder(LineProtocolBuffer buffer, int version)
    {
        _buffer = buffer;
        _version = version;
    }

    /// <summary>Adds a tag. An empty value adds nothing: InfluxDB treats an empty tag as an absent one.</summary>
    public PointBuilder Tag(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _buffer.AddTag(_version, key, value);
        return this;
    }

    /// <summary>Adds a tag given as characters (no string needed); an empty value adds nothing.</summary>
    public PointBuilder Tag(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        _buffer.AddTag(_version, key, value);
        return this;
    }

    /// <summary>Adds a float field; NaN and infinities are rejected with <see cref="ArgumentException"/>.</summary>
    public PointBuilder Field(string key, double value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds a float field with its key given as characters.</summary>
    public PointBuilder Field(ReadOnlySpan<char> key, double value)
    {
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds an integer field (<c>123i</c>).</summary>
    public PointBuilder Field(string key, long value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds an integer field with its key given as characters.</summary>
    public PointBuilder Field(ReadOnlySpan<char> key, long value)
    {
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds an integer field (<c>123i</c>).</summary>
    public PointBuilder Field(string key, int value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _buffer.AddField(_version, key, (long)value);
        return this;
    }

    /// <summary>Adds an unsigned field: <c>123u</c> if the buffer supports unsigned, else <c>123i</c> (or rejected above Int64.MaxValue).</summary>
    public PointBuilder Field(string key, ulong value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds a boolean field (<c>true</c>/<c>false</c>).</summary>
    public PointBuilder Field(string key, bool value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds a boolean field with its key given as characters.</summary>
    public PointBuilder Field(ReadOnlySpan<char> key, bool value)
    {
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds a string field; any text, newlines included.</summary>
    public PointBuilder Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Adds a string field with key and value given as characters.</summary>
    public PointBuilder StringField(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        _buffer.AddField(_version, key, value);
        return this;
    }

    /// <summary>Ends the line with a timestamp in nanoseconds since the Unix epoch (write with precision=ns).</summary>
    public void Timestamp(long unixNanoseconds) => _buffer.End(_version, unixNanoseconds);

    /// <summary>Ends the line without a timestamp: the server stamps it on arrival (and a resend would duplicate it).</summary>
    public void EndWithoutTimestamp() => _buffer.End(_version, null);

    public bool Equals(PointBuilder other) => ReferenceEquals(_buffer, other._buffer) && _version == other._version;

    public override bool Equals(object? obj) => obj is PointBuilder other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_buffer, _version);

    public static bool operator ==(PointBuilder left, PointBuilder right) => left.Equals(right);

    public static bool operator !=(PointBuilder left, PointBuilder right) => !left.Equals(right);
}
