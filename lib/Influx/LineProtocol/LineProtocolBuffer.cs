using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace ClassroomFleet.Influx.LineProtocol;

/// <summary>
/// A growable UTF-8 buffer of complete line-protocol lines, rented from <see cref="ArrayPool{T}.Shared"/>.
/// Start a line with <see cref="Point"/>, add tags and fields, end it with <see cref="PointBuilder.Timestamp"/>.
/// Only complete lines are visible in <see cref="WrittenMemory"/>: any error while building a line (a bad name, a NaN,
/// a line with no field) throws and discards that line, and the lines before it stay intact.
/// Not thread-safe; one line is open at a time.
/// </summary>
public sealed class LineProtocolBuffer : IDisposable
{
    private const int MaxNumberBytes = 32;

    private byte[] _bytes;
    private int[] _lineEnds;
    private int _lineCount;
    private int _committed;
    private int _position;

    // State of the open line.
    private int _lineVersion;
    private bool _lineOpen;
    private bool _hasField;
    private int _tagCount;
    private bool _tagsUnsorted;
    private int[] _tagKeyLengths = new int[16];
    private int[] _tagStarts = new int[16];

    public LineProtocolBuffer(int initialCapacity = 64 * 1024, bool supportsUnsigned = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _bytes = ArrayPool<byte>.Shared.Rent(initialCapacity);
        _lineEnds = ArrayPool<int>.Shared.Rent(256);
        SupportsUnsigned = supportsUnsigned;
    }

    /// <summary>
    /// Whether unsigned fields are written with the <c>u</c> suffix (InfluxDB 1.8+, 2.x, 3.x). When false (influxd 1.6/1.7)
    /// an unsigned value is written as an integer if it fits in Int64 and rejected otherwise.
    /// </summary>
    public bool SupportsUnsigned { get; }

    /// <summary>The number of complete lines.</summary>
    public int LineCount => _lineCount;

    /// <summary>The complete lines, each ending with '\n'. Valid until the next change to this buffer.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _bytes.AsMemory(0, _committed);

    /// <summary>The complete lines, each ending with '\n'.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _committed);

    /// <summary>The byte range of line <paramref name="index"/>, including its final '\n'.</summary>
    public Range GetLineRange(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lineCount);
        var start = index == 0 ? 0 : _lineEnds[index - 1];
        return new Range(start, _lineEnds[index]);
    }

    /// <summary>Line <paramref name="index"/> including its final '\n'. (A string field may hold '\n' too, so lines cannot be found by splitting.)</summary>
    public ReadOnlyMemory<byte> GetLine(int index) => WrittenMemory[GetLineRange(index)];

    /// <summary>Starts a line. A line left open by an earlier call is discarded and reported.</summary>
    public PointBuilder Point(string measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return Point(measurement.AsSpan());
    }

    /// <summary>Starts a line; the measurement name as characters, for callers that decode names without allocating strings.</summary>
    public PointBuilder Point(ReadOnlySpan<char> measurement)
    {
        if (_lineOpen)
        {
            AbandonLine();
            throw new InvalidOperationException("The previous line was not ended with Timestamp or EndWithoutTimestamp; it has been discarded.");
        }

        _lineVersion++;
        _lineOpen = true;
        _hasField = false;
        _tagCount = 0;
        _tagsUnsorted = false;
        _position = _committed;
        try
        {
            EnsureCapacity(LineProtocolEscaper.MaxEscapedBytes(measurement.Length));
            _position += LineProtocolEscaper.WriteMeasurement(measurement, _bytes.AsSpan(_position), nameof(measurement));
        }
        catch
        {
            AbandonLine();
            throw;
        }

        return new PointBuilder(this, _lineVersion);
    }

    /// <summary>Appends lines that are already encoded (each must end with '\n'), for example to concatenate batches.</summary>
    public void AppendLines(LineProtocolBuffer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_lineOpen)
        {
            throw new InvalidOperationException("A line is open.");
        }

        for (var i = 0; i < other.LineCount; i++)
        {
            AppendLine(other.GetLine(i).Span);
        }
    }

    /// <summary>Appends one encoded line, which must end with '\n'.</summary>
    public void AppendLine(ReadOnlySpan<byte> line)
    {
        if (_lineOpen)
        {
            throw new InvalidOperationException("A line is open.");
        }

        if (line.IsEmpty || line[^1] != (byte)'\n')
        {
            throw new ArgumentException("An encoded line must end with '\\n'.", nameof(line));
        }

        _position = _committed;
        EnsureCapacity(line.Length);
        line.CopyTo(_bytes.AsSpan(_position));
        _position += line.Length;
        CommitLine();
    }

    /// <summary>Discards the line being built, if any; the complete lines stay.</summary>
    public void DiscardOpenLine()
    {
        if (_lineOpen)
        {
            AbandonLine();
        }
    }

    /// <summary>Forgets every line; keeps the rented arrays.</summary>
    public void Clear()
    {
        _lineOpen = false;
        _lineVersion++;
        _lineCount = 0;
        _committed = 0;
        _position = 0;
    }

    public void Dispose()
    {
        var bytes = Interlocked.Exchange(ref _bytes, []);
        var ends = Interlocked.Exchange(ref _lineEnds, []);
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        if (ends.Length > 0)
        {
            ArrayPool<int>.Shared.Return(ends);
        }

        _lineCount = 0;
        _committed = 0;
        _position = 0;
        _lineOpen = false;
    }

    internal void AddTag(int version, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        CheckOpen(version);
        if (_hasField)
        {
            AbandonLine();
            throw new InvalidOperationException($"Tag '{key.ToString()}' comes after a field; tags must come before fields. The line has been discarded.");
        }

        if (value.Length == 0)
        {
            // InfluxDB has no empty tag values: a tag with an empty value is the same as no tag in every query.
            return;
        }

        try
        {
            WriteTag(key, value);
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void AddField(int version, ReadOnlySpan<char> key, double value)
    {
        CheckOpen(version);
        if (!double.IsFinite(value))
        {
            AbandonLine();
            throw new ArgumentException($"Field '{key.ToString()}' is {value.ToString(CultureInfo.InvariantCulture)}; line protocol has no NaN or infinity. The line has been discarded.", nameof(value));
        }

        try
        {
            var span = BeginField(key, MaxNumberBytes);
            // The default format is the shortest text that parses back to the same double ("R"; .NET Core 3.0+): 0.1, 1E+21, 5E-324.
            if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("A double did not fit in 32 bytes.");
            }

            _position += written;
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void AddField(int version, ReadOnlySpan<char> key, long value)
    {
        CheckOpen(version);
        try
        {
            WriteInteger(key, value, (byte)'i');
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void AddField(int version, ReadOnlySpan<char> key, ulong value)
    {
        CheckOpen(version);
        if (!SupportsUnsigned && value > long.MaxValue)
        {
            AbandonLine();
            throw new ArgumentException(
                $"Field '{key.ToString()}' is {value}, above Int64.MaxValue; this server has no unsigned fields. The line has been discarded.", nameof(value));
        }

        try
        {
            var span = BeginField(key, MaxNumberBytes);
            Utf8Formatter.TryFormat(value, span, out var written);
            span[written++] = SupportsUnsigned ? (byte)'u' : (byte)'i';
            _position += written;
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void AddField(int version, ReadOnlySpan<char> key, bool value)
    {
        CheckOpen(version);
        try
        {
            var span = BeginField(key, 5);
            var text = value ? "true"u8 : "false"u8;
            text.CopyTo(span);
            _position += text.Length;
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void AddField(int version, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        CheckOpen(version);
        try
        {
            var span = BeginField(key, LineProtocolEscaper.MaxEscapedBytes(value.Length) + 2);
            _position += LineProtocolEscaper.WriteStringFieldValue(value, span, nameof(value));
        }
        catch
        {
            AbandonLine();
            throw;
        }
    }

    internal void End(int version, long? timestampNs)
    {
        CheckOpen(version);
        if (!_hasField)
        {
            AbandonLine();
            throw new InvalidOperationException("A line needs at least one field; the line has been discarded.");
        }

        EnsureCapacity(MaxNumberBytes + 2);
        if (timestampNs is { } ns)
        {
            _bytes[_position++] = (byte)' ';
            Utf8Formatter.TryFormat(ns, _bytes.AsSpan(_position), out var written);
            _position += written;
        }

        _bytes[_position++] = (byte)'\n';
        _lineOpen = false;
        CommitLine();
    }

    private void WriteTag(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        var start = _position;
        EnsureCapacity(LineProtocolEscaper.MaxEscapedBytes(key.Length + value.Length) + 2);
        _bytes[_position++] = (byte)',';
        var keyLength = LineProtocolEscaper.WriteKey(key, _bytes.AsSpan(_position), nameof(key), "tag key");
        _position += keyLength;
        _bytes[_position++] = (byte)'=';
        _position += LineProtocolEscaper.WriteKey(value, _bytes.AsSpan(_position), nameof(value), "tag value");

        // Tags sorted by key are what InfluxDB stores; sending them sorted spares the server a sort per point. They are
        // written as they come and put in order once, before the first field (SortTags). Keys are compared as the bytes
        // written, so the order does not depend on how the caller held them.
        var newKey = _bytes.AsSpan(start + 1, keyLength);
        for (var i = 0; i < _tagCount; i++)
        {
            if (TagKey(i).SequenceEqual(newKey))
            {
                throw new ArgumentException($"Tag '{key.ToString()}' is given twice.", nameof(key));
            }
        }

        _tagsUnsorted |= _tagCount > 0 && TagKey(_tagCount - 1).SequenceCompareTo(newKey) > 0;

        if (_tagCount == _tagKeyLengths.Length)
        {
            Array.Resize(ref _tagKeyLengths, _tagCount * 2);
            Array.Resize(ref _tagStarts, _tagCount * 2);
        }

        _tagKeyLengths[_tagCount] = keyLength;
        _tagStarts[_tagCount] = start;
        _tagCount++;
    }

    private ReadOnlySpan<byte> TagKey(int index) => _bytes.AsSpan(_tagStarts[index] + 1, _tagKeyLengths[index]);

    /// <summary>Puts the open line's tags (the bytes from the first tag to the current position) in key order.</summary>
    private void SortTags()
    {
        if (!_tagsUnsorted)
        {
            return;
        }

        _tagsUnsorted = false;
        Span<int> order = _tagCount <= 64 ? stackalloc int[_tagCount] : new int[_tagCount];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            while (j > 0 && TagKey(order[j - 1]).SequenceCompareTo(TagKey(i)) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        var first = _tagStarts[0];
        var length = _position - first;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _bytes.AsSpan(first, length).CopyTo(copy);
            var at = first;
            foreach (var index in order)
            {
                var segmentStart = _tagStarts[index] - first;
                var segmentEnd = (index + 1 < _tagCount ? _tagStarts[index + 1] : _position) - first;
                copy.AsSpan(segmentStart, segmentEnd - segmentStart).CopyTo(_bytes.AsSpan(at));
                at += segmentEnd - segmentStart;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void WriteInteger(ReadOnlySpan<char> key, long value, byte suffix)
    {
        var span = BeginField(key, MaxNumberBytes);
        Utf8Formatter.TryFormat(value, span, out var written);
        span[written++] = suffix;
        _position += written;
    }

    /// <summary>Writes the separator and the escaped key with '=', and returns room for <paramref name="valueBytes"/>.</summary>
    private Span<byte> BeginField(ReadOnlySpan<char> key, int valueBytes)
    {
        if (!_hasField)
        {
            SortTags();
        }

        EnsureCapacity(LineProtocolEscaper.MaxEscapedBytes(key.Length) + valueBytes + 2);
        _bytes[_position++] = _hasField ? (byte)',' : (byte)' ';
        _position += LineProtocolEscaper.WriteKey(key, _bytes.AsSpan(_position), nameof(key), "field key");
        _bytes[_position++] = (byte)'=';
        _hasField = true;
        return _bytes.AsSpan(_position, valueBytes);
    }

    private void CheckOpen(int version)
    {
        if (!_lineOpen || version != _lineVersion)
        {
            throw new InvalidOperationException("This point builder's line has already been ended or discarded.");
        }
    }

    private void AbandonLine()
    {
        _lineOpen = false;
        _position = _committed;
    }

    private void CommitLine()
    {
        if (_lineCount == _lineEnds.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(_lineEnds.Length * 2);
            _lineEnds.AsSpan(0, _lineCount).CopyTo(larger);
            ArrayPool<int>.Shared.Return(_lineEnds);
            _lineEnds = larger;
        }

        _committed = _position;
        _lineEnds[_lineCount++] = _committed;
    }

    private void EnsureCapacity(int additional)
    {
        ObjectDisposedException.ThrowIf(_bytes.Length == 0, this);
        var needed = _position + additional;
        if (needed <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
        _bytes.AsSpan(0, _position).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
