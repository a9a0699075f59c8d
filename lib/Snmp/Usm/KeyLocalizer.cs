using System.Text;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>Password-to-key and key localisation (RFC 3414 A.2; the same algorithm with SHA-2 per RFC 7860 §9.3).</summary>
internal static class KeyLocalizer
{
    // RFC 3414 A.2.1: the password is repeated to fill one megabyte before hashing.
    private const int ExpandedPasswordLength = 1_048_576;

    public static byte[] PasswordToKey(AuthProtocol protocol, string password)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        if (passwordBytes.Length == 0)
        {
            throw new ArgumentException("A USM password may not be empty.", nameof(password));
        }

        var expanded = new byte[ExpandedPasswordLength];
        for (var offset = 0; offset < expanded.Length; offset += passwordBytes.Length)
        {
            passwordBytes.AsSpan(0, Math.Min(passwordBytes.Length, expanded.Length - offset)).CopyTo(expanded.AsSpan(offset));
        }

        var key = new byte[UsmHash.HashLength(protocol)];
        UsmHash.Hash(protocol, expanded, key);
        return key;
    }

    /// <summary>Kul = H(Ku || engineID || Ku) (RFC 3414 A.2).</summary>
    public static byte[] Localize(AuthProtocol protocol, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> engineId)
    {
        var input = new byte[(masterKey.Length * 2) + engineId.Length];
        masterKey.CopyTo(input);
        engineId.CopyTo(input.AsSpan(masterKey.Length));
        masterKey.CopyTo(input.AsSpan(masterKey.Length + engineId.Length));
        var key = new byte[UsmHash.HashLength(protocol)];
        UsmHash.Hash(protocol, input, key);
        return key;
    }

    /// <summary>
    /// Lengthens a localised privacy key the way net-snmp 5.9 does for AES-192/256 (draft-blumenthal-aes-usm-04
    /// §3.1.2.1): repeatedly append H(Kul) of the key so far; then cut to the cipher's key length.
    /// </summary>
    public static byte[] FitPrivacyKey(AuthProtocol protocol, byte[] localizedKey, int needed)
    {
        var key = localizedKey;
        while (key.Length < needed)
        {
            var digest = new byte[UsmHash.HashLength(protocol)];
            UsmHash.Hash(protocol, key, digest);
            key = [.. key, .. digest];
        }

        return key.Length == needed ? key : key.AsSpan(0, needed).ToArray();
    }
}
