using System.Security.Cryptography;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>The hash and HMAC behind each <see cref="AuthProtocol"/>, with the digest lengths of RFC 3414 §6-7 and RFC 7860 §4.</summary>
internal static class UsmHash
{
    /// <summary>Hash output length: also the length of Ku and Kul (RFC 3414 A.2, RFC 7860 §4.1).</summary>
    public static int HashLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => 16,
        AuthProtocol.Sha1 => 20,
        AuthProtocol.Sha224 => 28,
        AuthProtocol.Sha256 => 32,
        AuthProtocol.Sha384 => 48,
        AuthProtocol.Sha512 => 64,
        _ => 0,
    };

    /// <summary>msgAuthenticationParameters length: 12 for the -96 protocols; 16/24/32/48 for HMAC-SHA-2 (RFC 7860 §4.2.1).</summary>
    public static int DigestLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 or AuthProtocol.Sha1 => 12,
        AuthProtocol.Sha224 => 16,
        AuthProtocol.Sha256 => 24,
        AuthProtocol.Sha384 => 32,
        AuthProtocol.Sha512 => 48,
        _ => 0,
    };

    public static int BlockLength(AuthProtocol protocol) => protocol is AuthProtocol.Sha384 or AuthProtocol.Sha512 ? 128 : 64;

#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are mandated by RFC 3414 for interoperability with existing agents.
    public static void Hash(AuthProtocol protocol, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (protocol)
        {
            case AuthProtocol.Md5: MD5.HashData(data, destination); break;
            case AuthProtocol.Sha1: SHA1.HashData(data, destination); break;
            case AuthProtocol.Sha224: Sha224.HashData(data, destination); break;
            case AuthProtocol.Sha256: SHA256.HashData(data, destination); break;
            case AuthProtocol.Sha384: SHA384.HashData(data, destination); break;
            case AuthProtocol.Sha512: SHA512.HashData(data, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No hash for this protocol.");
        }
    }

    public static void Hmac(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (protocol)
        {
            case AuthProtocol.Md5: HMACMD5.HashData(key, data, destination); break;
            case AuthProtocol.Sha1: HMACSHA1.HashData(key, data, destination); break;
            case AuthProtocol.Sha224: HmacSha224(key, data, destination); break;
            case AuthProtocol.Sha256: HMACSHA256.HashData(key, data, destination); break;
            case AuthProtocol.Sha384: HMACSHA384.HashData(key, data, destination); break;
            case AuthProtocol.Sha512: HMACSHA512.HashData(key, data, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No HMAC for this protocol.");
        }
    }
#pragma warning restore CA5350, CA5351

    /// <summary>RFC 2104 HMAC over SHA-224, whose key (28 bytes) is always shorter than the 64-byte block.</summary>
    private static void HmacSha224(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> pad = stackalloc byte[Sha224.BlockSize];
        Span<byte> inner = stackalloc byte[Sha224.HashSize];
        Span<byte> blockKey = stackalloc byte[Sha224.BlockSize];
        blockKey.Clear();
        if (key.Length > Sha224.BlockSize)
        {
            Sha224.HashData(key, blockKey);
        }
        else
        {
            key.CopyTo(blockKey);
        }

        for (var i = 0; i < pad.Length; i++)
        {
            pad[i] = (byte)(blockKey[i] ^ 0x36);
        }

        var sha = new Sha224();
        sha.Append(pad);
        sha.Append(data);
        sha.Finish(inner);
        for (var i = 0; i < pad.Length; i++)
        {
            pad[i] = (byte)(blockKey[i] ^ 0x5c);
        }

        sha = new Sha224();
        sha.Append(pad);
        sha.Append(inner);
        sha.Finish(destination);
    }
}
