using System.Security.Cryptography;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>The fleet's ECDSA P-256 signing key, loaded from a PEM file.</summary>
public sealed class ConfigSigningKey : IDisposable
{
    private ConfigSigningKey(ECDsa key) => Key = key;

    public ECDsa Key { get; }

    public static ConfigSigningKey Load(string pemPath)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(pemPath));
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"{pemPath}: the signing key must be ECDSA P-256");
            }

            return new ConfigSigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The public half as SPKI PEM: what an agent pins in RemoteConfig:FleetPublicKeyFile.</summary>
    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => Key.Dispose();
}
