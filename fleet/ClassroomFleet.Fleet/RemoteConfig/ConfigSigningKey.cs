using System.Security.Cryptography;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// The fleet's ECDSA P-256 signing key, from a PEM file. When the file was not given in configuration, the fleet keeps
/// its own in the data directory and creates it on the first start, readable by its owner only (0600).
/// </summary>
public sealed class ConfigSigningKey : IDisposable
{
    public const string DefaultFileName = "config-signing-key.pem";

    private ConfigSigningKey(ECDsa key, string path)
    {
        Key = key;
        Path = path;
    }

    public ECDsa Key { get; }

    public string Path { get; }

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

            return new ConfigSigningKey(key, pemPath);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Loads the key at <paramref name="pemPath"/>, creating a new one there first (mode 0600) if there is none.</summary>
    public static ConfigSigningKey LoadOrCreate(string pemPath)
    {
        if (!File.Exists(pemPath))
        {
            Create(pemPath);
        }

        return Load(pemPath);
    }

    /// <summary>The public half as SPKI PEM: what an agent pins in RemoteConfig:FleetPublicKeyFile.</summary>
    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => Key.Dispose();

    private static void Create(string pemPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(pemPath))!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(pemPath)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600 from the start: the private key is never readable by others, not even for an instant.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        // Two fleets starting at once on one data directory: the first key wins, the second start loads it.
        try
        {
            File.Move(temp, pemPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(pemPath))
        {
            File.Delete(temp);
        }
    }
}
