using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>Encryption of the scopedPDU: CBC-DES (RFC 3414 §8.1.1) and CFB128-AES (RFC 3826 §3.1).</summary>
internal static class UsmPrivacy
{
    public const int SaltLength = 8;

    private static long _saltCounter = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)uint.MaxValue;

    /// <summary>Bytes of localised key the protocol uses: DES takes its key and the pre-IV from the first 16 (RFC 3414 §8.1.1.1).</summary>
    public static int KeyMaterialLength(PrivProtocol protocol) => protocol switch
    {
        PrivProtocol.Des => 16,
        PrivProtocol.Aes128 => 16,
        PrivProtocol.Aes192 => 24,
        PrivProtocol.Aes256 => 32,
        _ => 0,
    };

    /// <summary>Encrypts; writes the salt (msgPrivacyParameters) to <paramref name="salt"/>.</summary>
    public static byte[] Encrypt(LocalizedKeys keys, int engineBoots, int engineTime, ReadOnlySpan<byte> plaintext, Span<byte> salt)
    {
        var counter = Interlocked.Increment(ref _saltCounter);
        Span<byte> iv = stackalloc byte[16];
        if (keys.PrivProtocol == PrivProtocol.Des)
        {
            // RFC 3414 §8.1.1.1: salt = engineBoots || local 32-bit counter; IV = pre-IV XOR salt.
            BinaryPrimitives.WriteInt32BigEndian(salt, engineBoots);
            BinaryPrimitives.WriteUInt32BigEndian(salt[4..], (uint)counter);
            for (var i = 0; i < 8; i++)
            {
                iv[i] = (byte)(keys.PrivKey[8 + i] ^ salt[i]);
            }

            var padded = new byte[(plaintext.Length + 7) / 8 * 8];
            plaintext.CopyTo(padded);
#pragma warning disable CA5351 // CBC-DES is the USM privacy protocol of RFC 3414; agents still use it.
            using var des = DES.Create();
            des.Key = keys.PrivKey.AsSpan(0, 8).ToArray();
            return des.EncryptCbc(padded, iv[..8], PaddingMode.None);
#pragma warning restore CA5351
        }

        // RFC 3826 §3.1.2.1: salt = local 64-bit integer; IV = engineBoots || engineTime || salt.
        BinaryPrimitives.WriteInt64BigEndian(salt, counter);
        AesIv(engineBoots, engineTime, salt, iv);
        return AesCfb(keys.PrivKey, iv, plaintext, encrypt: true);
    }

    public static byte[] Decrypt(LocalizedKeys keys, int engineBoots, int engineTime, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength)
        {
            throw new SnmpDecodeException($"msgPrivacyParameters has {salt.Length} octets; {SaltLength} are required (RFC 3414 §8.3.2, RFC 3826 §3.2.1).");
        }

        Span<byte> iv = stackalloc byte[16];
        try
        {
            if (keys.PrivProtocol == PrivProtocol.Des)
            {
                if (ciphertext.Length % 8 != 0)
                {
                    throw new SnmpDecodeException("A DES-encrypted scopedPDU must be a multiple of 8 octets (RFC 3414 §8.3.2).");
                }

                for (var i = 0; i < 8; i++)
                {
                    iv[i] = (byte)(keys.PrivKey[8 + i] ^ salt[i]);
                }

#pragma warning disable CA5351 // CBC-DES is the USM privacy protocol of RFC 3414; agents still use it.
                using var des = DES.Create();
                des.Key = keys.PrivKey.AsSpan(0, 8).ToArray();
                return des.DecryptCbc(ciphertext, iv[..8], PaddingMode.None);
#pragma warning restore CA5351
            }

            AesIv(engineBoots, engineTime, salt, iv);
            return AesCfb(keys.PrivKey, iv, ciphertext, encrypt: false);
        }
        catch (CryptographicException ex)
        {
            throw new SnmpDecodeException("The scopedPDU could not be decrypted.", ex);
        }
    }

    /// <summary>
    /// CFB-128 over any length (RFC 3826 §3.1.3: no padding). .NET wants whole blocks, so the input is zero-filled to
    /// one and the output cut back: in CFB each output byte depends only on the bytes before it.
    /// </summary>
    private static byte[] AesCfb(byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        var padded = new byte[(input.Length + 15) / 16 * 16];
        input.CopyTo(padded);
        using var aes = Aes.Create();
        aes.Key = key;
        var output = encrypt
            ? aes.EncryptCfb(padded, iv, PaddingMode.None, feedbackSizeInBits: 128)
            : aes.DecryptCfb(padded, iv, PaddingMode.None, feedbackSizeInBits: 128);
        return output.Length == input.Length ? output : output.AsSpan(0, input.Length).ToArray();
    }

    private static void AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        salt.CopyTo(iv[8..]);
    }
}
