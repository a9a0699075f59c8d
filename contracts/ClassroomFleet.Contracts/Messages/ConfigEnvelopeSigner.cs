using System.Security.Cryptography;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// Signs and verifies <see cref="ConfigEnvelope"/>s with ECDSA P-256 over SHA-256 (FIPS 186-4), signature in the fixed
/// 64-byte IEEE P1363 form so that both sides agree byte for byte.
/// </summary>
public static class ConfigEnvelopeSigner
{
    public static ConfigEnvelope Sign(ReadOnlySpan<byte> documentJson, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignData(documentJson, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new ConfigEnvelope
        {
            Payload = Convert.ToBase64String(documentJson),
            Signature = Convert.ToBase64String(signature),
            KeyId = KeyIdOf(key),
        };
    }

    /// <summary>The payload bytes when the signature verifies with <paramref name="publicKey"/>; null otherwise.</summary>
    public static byte[]? Verify(ConfigEnvelope envelope, ECDsa publicKey, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(envelope.Signature))
        {
            reason = "the document is not signed";
            return null;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Convert.FromBase64String(envelope.Payload);
            signature = Convert.FromBase64String(envelope.Signature);
        }
        catch (FormatException)
        {
            reason = "payload or signature is not base64";
            return null;
        }

        if (!publicKey.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            reason = "the signature does not verify with the pinned fleet key";
            return null;
        }

        reason = null;
        return payload;
    }

    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }
}
