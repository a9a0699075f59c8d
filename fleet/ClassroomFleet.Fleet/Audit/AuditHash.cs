using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ClassroomFleet.Fleet.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over the previous entry's hash and every field of the entry, encoded
/// as a JSON array of strings (unambiguous, unlike joining with a separator). The first entry chains to 64 zeros.
/// </summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string?[] fields =
        [
            previousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Target,
            entry.BeforeVersion?.ToString(CultureInfo.InvariantCulture),
            entry.AfterVersion?.ToString(CultureInfo.InvariantCulture),
            entry.Result,
            entry.Detail,
        ];
        var canonical = JsonSerializer.SerializeToUtf8Bytes(fields, AuditJsonContext.Default.StringArray);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
