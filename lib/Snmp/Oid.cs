using System.Globalization;
using System.Text;

namespace ClassroomFleet.Snmp;

/// <summary>
/// An SNMP OBJECT IDENTIFIER: an immutable sequence of 32-bit sub-identifiers (RFC 2578 §3.5: at most 128 of them,
/// each at most 2^32-1). The default value is the empty OID.
/// </summary>
public readonly struct Oid : IEquatable<Oid>, IComparable<Oid>
{
    /// <summary>RFC 2578 §3.5: an OBJECT IDENTIFIER has at most 128 sub-identifiers.</summary>
    public const int MaxLength = 128;

    private readonly uint[]? _ids;

    public Oid(ReadOnlySpan<uint> subIds)
    {
        if (subIds.Length > MaxLength)
        {
            throw new ArgumentException($"An OID has at most {MaxLength} sub-identifiers; got {subIds.Length}.", nameof(subIds));
        }

        _ids = subIds.IsEmpty ? null : subIds.ToArray();
    }

    // Takes ownership of the array: callers inside the library pass arrays nobody else holds.
    private Oid(uint[]? ids) => _ids = ids is { Length: > 0 } ? ids : null;

    internal static Oid FromOwnedArray(uint[] ids) => new(ids);

    public static Oid Empty => default;

    public bool IsEmpty => _ids is null;

    public int Length => _ids?.Length ?? 0;

    public uint this[int index] => _ids is null ? throw new ArgumentOutOfRangeException(nameof(index)) : _ids[index];

    public ReadOnlySpan<uint> SubIds => _ids;

    /// <summary>Parses dotted-decimal notation; a leading dot is accepted ("1.3.6.1" or ".1.3.6.1").</summary>
    public static Oid Parse(string text) =>
        TryParse(text, out var oid) ? oid : throw new FormatException($"'{text}' is not a numeric OBJECT IDENTIFIER.");

    public static bool TryParse(ReadOnlySpan<char> text, out Oid oid)
    {
        oid = default;
        if (text.StartsWith('.'))
        {
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var count = text.Count('.') + 1;
        if (count > MaxLength)
        {
            return false;
        }

        var ids = new uint[count];
        var i = 0;
        foreach (var range in text.Split('.'))
        {
            if (!uint.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out ids[i++]))
            {
                return false;
            }
        }

        oid = new Oid(ids);
        return true;
    }

    /// <summary>
    /// Whether this OID can go on the wire as an OBJECT IDENTIFIER (see <see cref="FindEncodingProblem"/>). An
    /// <see cref="Oid"/> also serves as a table row index, which is any sequence of sub-identifiers, so the type itself
    /// accepts both; the check is made when a value is encoded and when one is decoded.
    /// </summary>
    public bool IsValidObjectIdentifier => FindEncodingProblem() is null;

    /// <summary>
    /// Why this OID cannot be encoded, or null: X.690 §8.19.4 packs the first two arcs into one sub-identifier as
    /// X*40+Y, so the first arc must be 0, 1 or 2 and, under 0 and 1, the second below 40; RFC 2578 §3.5 caps that
    /// packed value, like every sub-identifier, at 2^32-1 (so under 2 the second arc is at most 2^32-81).
    /// </summary>
    public string? FindEncodingProblem()
    {
        var ids = SubIds;
        if (ids.IsEmpty)
        {
            return null;
        }

        if (ids[0] > 2)
        {
            return $"the first arc of {this} is {ids[0]}; it must be 0, 1 or 2 (X.690 §8.19.4)";
        }

        if (ids.Length >= 2 && ids[0] < 2 && ids[1] >= 40)
        {
            return $"the second arc of {this} is {ids[1]}; under {ids[0]} it must be below 40 (X.690 §8.19.4)";
        }

        return ids.Length >= 2 && ids[0] == 2 && ids[1] > uint.MaxValue - 80
            ? $"the second arc of {this} is {ids[1]}; under 2 it must be at most {uint.MaxValue - 80} to fit one sub-identifier (RFC 2578 §3.5)"
            : null;
    }

    public bool StartsWith(Oid prefix) => SubIds.StartsWith(prefix.SubIds);

    /// <summary>The sub-identifiers after <paramref name="prefix"/> (a table row's index); empty if this OID is not under it.</summary>
    public Oid SubIdsAfter(Oid prefix) =>
        StartsWith(prefix) && Length > prefix.Length ? new Oid(SubIds[prefix.Length..]) : default;

    public Oid Append(params ReadOnlySpan<uint> subIds)
    {
        if (subIds.IsEmpty)
        {
            return this;
        }

        var ids = new uint[Length + subIds.Length];
        SubIds.CopyTo(ids);
        subIds.CopyTo(ids.AsSpan(Length));
        return Length + subIds.Length > MaxLength
            ? throw new ArgumentException($"An OID has at most {MaxLength} sub-identifiers.", nameof(subIds))
            : new Oid(ids);
    }

    public Oid Append(Oid suffix) => Append(suffix.SubIds);

    public bool Equals(Oid other) => SubIds.SequenceEqual(other.SubIds);

    public override bool Equals(object? obj) => obj is Oid other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(SubIds));
        return hash.ToHashCode();
    }

    /// <summary>Lexicographic order by sub-identifier, the order GETNEXT walks in (RFC 3416 §4.2.2).</summary>
    public int CompareTo(Oid other) => SubIds.SequenceCompareTo(other.SubIds);

    public override string ToString()
    {
        if (_ids is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(_ids.Length * 4);
        for (var i = 0; i < _ids.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(_ids[i].ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public static bool operator ==(Oid left, Oid right) => left.Equals(right);

    public static bool operator !=(Oid left, Oid right) => !left.Equals(right);

    public static bool operator <(Oid left, Oid right) => left.CompareTo(right) < 0;

    public static bool operator <=(Oid left, Oid right) => left.CompareTo(right) <= 0;

    public static bool operator >(Oid left, Oid right) => left.CompareTo(right) > 0;

    public static bool operator >=(Oid left, Oid right) => left.CompareTo(right) >= 0;
}
