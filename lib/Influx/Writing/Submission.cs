using System.Buffers;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Influx.Writing;

/// <summary>One caller's lines, copied into pooled arrays, and how many of them have met their fate.</summary>
internal sealed class Submission
{
    private byte[] _bytes;
    private int[] _lineEnds;

    private Submission(byte[] bytes, int length, int[] lineEnds, int lineCount, object? token)
    {
        _bytes = bytes;
        Length = length;
        _lineEnds = lineEnds;
        LineCount = lineCount;
        Token = token;
    }

    public int Length { get; }

    public int LineCount { get; }

    public object? Token { get; }

    public int Stored { get; set; }

    public int Quarantined { get; set; }

    public bool IsSettled => Stored + Quarantined == LineCount;

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    /// <summary>The end (exclusive, after its '\n') of line <paramref name="index"/> within <see cref="Bytes"/>.</summary>
    public int LineEnd(int index) => _lineEnds[index];

    public static Submission CopyOf(LineProtocolBuffer lines, object? token)
    {
        var written = lines.WrittenSpan;
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, written.Length));
        written.CopyTo(bytes);
        var ends = ArrayPool<int>.Shared.Rent(Math.Max(1, lines.LineCount));
        for (var i = 0; i < lines.LineCount; i++)
        {
            ends[i] = lines.GetLineRange(i).End.Value;
        }

        return new Submission(bytes, written.Length, ends, lines.LineCount, token);
    }

    public void Release()
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
    }
}
