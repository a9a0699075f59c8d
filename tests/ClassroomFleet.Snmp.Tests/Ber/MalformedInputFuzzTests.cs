using ClassroomFleet.Snmp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Snmp.Tests.Ber;

/// <summary>
/// Mutated real captures must decode or fail with <see cref="SnmpDecodeException"/> only: no other exception, no hang,
/// and no allocation driven by a length field rather than by the bytes actually present.
/// </summary>
public sealed class MalformedInputFuzzTests
{
    // Objects per decoded byte are bounded: an OID sub-identifier costs 4 bytes per input byte, a varbind ~100 bytes per
    // 4 input bytes; the constant covers localising a key to a new engine ID and setting up a cipher (~55 KB seen for
    // DES). What must never happen is an allocation sized by a claimed length (a LengthBomb claims up to 4 GiB).
    private const int AllocationPerInputByte = 64;
    private const int AllocationConstant = 128 * 1024;

    public enum Edit
    {
        FlipBit,
        SetByte,
        Truncate,
        Insert,
        Delete,
        LengthBomb,
    }

    [Fact]
    public void Ten_Thousand_Mutated_Captures_Never_Escape_As_Another_Exception()
    {
        var captures = Captures.Load();
        Assert.True(captures.Count >= 40);
        var edit =
            from kind in Gen.Elements(Enum.GetValues<Edit>())
            from position in Gen.Choose(0, int.MaxValue)
            from value in Gen.Choose(0, 255)
            select (Kind: kind, Position: position, Value: value);
        var mutation =
            from capture in Gen.Choose(0, captures.Count - 1)
            from edits in Gen.ListOf(edit).Resize(6)
            select (Capture: capture, Edits: edits);
        // Key derivation hashes a megabyte once per password; do it before allocations are measured.
        foreach (var (_, bytes) in captures)
        {
            Captures.DecodeAny(bytes);
        }

        var runs = 0;
        var property = Prop.ForAll(Arb.From(mutation), m =>
        {
            runs++;
            return DecodesOrRejects(Mutate(captures[m.Capture].Bytes, m.Edits));
        });

        // CF_SNMP_FUZZ_RUNS raises the count for a longer hunt (e.g. nightly); CI runs the default.
        var wanted = int.TryParse(Environment.GetEnvironmentVariable("CF_SNMP_FUZZ_RUNS"), out var n) && n > 10_000 ? n : 10_000;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(wanted), property);

        Assert.True(runs >= wanted, $"only {runs} mutations ran");
    }

    [Fact]
    public void Every_Capture_Decodes_Cleanly()
    {
        foreach (var (name, bytes) in Captures.Load())
        {
            var exception = Record.Exception(() => Captures.DecodeAny(bytes));
            Assert.True(exception is null, $"{name}: {exception}");
        }
    }

    [Fact]
    public void Every_Truncation_Of_Every_Capture_Is_Rejected_Cleanly()
    {
        foreach (var (_, bytes) in Captures.Load())
        {
            Captures.DecodeAny(bytes);
        }

        foreach (var (_, bytes) in Captures.Load())
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.True(DecodesOrRejects(bytes[..length]));
            }
        }
    }

    /// <summary>Inputs the fuzzer once flagged, kept as regression cases (Resources/Crashers/&lt;run&gt;-&lt;what&gt;.bin).</summary>
    [Fact]
    public void Former_Crashers_Decode_Or_Reject_Cleanly()
    {
        foreach (var (_, bytes) in Captures.Load())
        {
            Captures.DecodeAny(bytes);
        }

        var crashers = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Resources", "Crashers"), "*.bin");
        Assert.NotEmpty(crashers);
        foreach (var path in crashers)
        {
            Assert.True(DecodesOrRejects(File.ReadAllBytes(path)), path);
        }
    }

    internal static bool DecodesOrRejects(byte[] datagram)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            Captures.DecodeAny(datagram);
        }
        catch (SnmpDecodeException)
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return allocated <= (AllocationPerInputByte * (long)datagram.Length) + AllocationConstant
            ? true
            : throw new InvalidOperationException($"Decoding {datagram.Length} bytes allocated {allocated} bytes: {Convert.ToHexString(datagram)}");
    }

    internal static byte[] Mutate(byte[] original, IEnumerable<(Edit Kind, int Position, int Value)> edits)
    {
        var bytes = new List<byte>(original);
        foreach (var (kind, position, value) in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = position % bytes.Count;
            switch (kind)
            {
                case Edit.FlipBit: bytes[at] ^= (byte)(1 << (value % 8)); break;
                case Edit.SetByte: bytes[at] = (byte)value; break;
                case Edit.Truncate: bytes.RemoveRange(at, bytes.Count - at); break;
                case Edit.Insert: bytes.Insert(at, (byte)value); break;
                case Edit.Delete: bytes.RemoveAt(at); break;
                case Edit.LengthBomb:
                    // A long-form length claiming far more than is there: 0x84 followed by four octets.
                    bytes.InsertRange(Math.Min(at + 1, bytes.Count), [0x84, (byte)value, 0xFF, 0xFF, 0xFF]);
                    break;
            }
        }

        return [.. bytes];
    }
}
