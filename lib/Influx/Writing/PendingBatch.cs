using System.Buffers;

namespace ClassroomFleet.Influx.Writing;

/// <summary>
/// The submissions of one write, concatenated into one pooled payload, with each line's end and owner, so that any
/// run of lines [first, end) is one contiguous slice that can be sent on its own while bisecting.
/// </summary>
internal sealed class PendingBatch : IDisposable
{
    private byte[] _payload = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int[] _lineEnds = ArrayPool<int>.Shared.Rent(1024);
    private Submission[] _owners = ArrayPool<Submission>.Shared.Rent(1024);

    public List<Submission> Submissions { get; } = [];

    public int LineCount { get; private set; }

    public int Length { get; private set; }

    public void Add(Submission submission)
    {
        Submissions.Add(submission);
        Grow(ref _payload, Length + submission.Length);
        submission.Bytes.CopyTo(_payload.AsSpan(Length));
        Grow(ref _lineEnds, LineCount + submission.LineCount);
        Grow(ref _owners, LineCount + submission.LineCount);
        for (var i = 0; i < submission.LineCount; i++)
        {
            _lineEnds[LineCount + i] = Length + submission.LineEnd(i);
            _owners[LineCount + i] = submission;
        }

        Length += submission.Length;
        LineCount += submission.LineCount;
    }

    public int LineStart(int index) => index == 0 ? 0 : _lineEnds[index - 1];

    /// <summary>Lines [first, end) as one payload.</summary>
    public ReadOnlyMemory<byte> Slice(int first, int end) => _payload.AsMemory(LineStart(first), _lineEnds[end - 1] - LineStart(first));

    /// <summary>Line <paramref name="index"/> without its final '\n'.</summary>
    public ReadOnlyMemory<byte> Line(int index) => _payload.AsMemory(LineStart(index), _lineEnds[index] - LineStart(index) - 1);

    public Submission Owner(int index) => _owners[index];

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_payload);
        ArrayPool<int>.Shared.Return(_lineEnds);
        ArrayPool<Submission>.Shared.Return(_owners, clearArray: true);
        _payload = [];
        _lineEnds = [];
        _owners = [];
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (needed <= array.Length)
        {
            return;
        }

        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = larger;
    }
}
