using System.Buffers;

namespace ClassroomFleet.Snmp.Ber;

/// <summary>An encoded message living in a pooled array; whoever holds it returns it once with <see cref="Dispose"/>.</summary>
internal readonly struct PooledDatagram : IDisposable
{
    private readonly byte[]? _array;
    private readonly int _offset;

    public PooledDatagram(byte[] array, int offset, int length)
    {
        _array = array;
        _offset = offset;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(_offset, Length);

    public ReadOnlySpan<byte> Span => _array.AsSpan(_offset, Length);

    /// <summary>For patching in place after encoding (the SNMPv3 digest).</summary>
    public Span<byte> WritableSpan => _array.AsSpan(_offset, Length);

    public void Dispose()
    {
        if (_array is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
