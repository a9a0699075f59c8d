using System.Buffers.Binary;
using System.Numerics;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3): SHA-256 with other initial values, truncated to 28 bytes. .NET has no SHA-224 and
/// RFC 7860 usmHMAC128SHA224AuthProtocol needs it. Not on a hot path: keys are derived once and cached.
/// </summary>
internal sealed class Sha224
{
    public const int HashSize = 28;
    public const int BlockSize = 64;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
    private readonly byte[] _pending = new byte[BlockSize];
    private int _pendingLength;
    private long _totalLength;

    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var sha = new Sha224();
        sha.Append(data);
        sha.Finish(destination);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += data.Length;
        if (_pendingLength > 0)
        {
            var take = Math.Min(BlockSize - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < BlockSize)
            {
                return;
            }

            Compress(_pending);
            _pendingLength = 0;
        }

        while (data.Length >= BlockSize)
        {
            Compress(data[..BlockSize]);
            data = data[BlockSize..];
        }

        data.CopyTo(_pending);
        _pendingLength = data.Length;
    }

    public void Finish(Span<byte> destination)
    {
        var bitLength = _totalLength * 8;
        Span<byte> tail = stackalloc byte[BlockSize * 2];
        _pending.AsSpan(0, _pendingLength).CopyTo(tail);
        tail[_pendingLength] = 0x80;
        var tailLength = _pendingLength + 9 <= BlockSize ? BlockSize : BlockSize * 2;
        BinaryPrimitives.WriteInt64BigEndian(tail.Slice(tailLength - 8, 8), bitLength);
        for (var offset = 0; offset < tailLength; offset += BlockSize)
        {
            Compress(tail.Slice(offset, BlockSize));
        }

        for (var i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4, 4), _state[i]);
        }
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4, 4));
        }

        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4], f = _state[5], g = _state[6], h = _state[7];
        for (var i = 0; i < 64; i++)
        {
            var s1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choice = (e & f) ^ (~e & g);
            var t1 = h + s1 + choice + K[i] + w[i];
            var s0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }
}
