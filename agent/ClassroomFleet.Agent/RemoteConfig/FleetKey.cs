using System.Security.Cryptography;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>Loads the pinned fleet public key (SubjectPublicKeyInfo PEM, ECDSA P-256).</summary>
public static class FleetKey
{
    public static ECDsa LoadPublicKey(string pemPath)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(pemPath));
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"{pemPath}: the fleet key must be ECDSA P-256, not a {key.KeySize}-bit key");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
