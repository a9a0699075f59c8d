using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// Reads a mosquitto password file (<c>user:hash</c> per line, written by mosquitto_passwd) so that the embedded broker
/// and mosquitto share one password list. Supported hashes, as mosquitto 2.0 writes them:
/// <c>$7$iterations$salt$hash</c> = PBKDF2-HMAC-SHA512 (the default) and <c>$6$salt$hash</c> = SHA-512(password ‖ salt),
/// salt and hash in base64.
/// </summary>
public sealed class MosquittoPasswordFile
{
    private readonly Dictionary<string, string> _hashes;

    private MosquittoPasswordFile(Dictionary<string, string> hashes) => _hashes = hashes;

    public IReadOnlyCollection<string> Users => _hashes.Keys;

    public static MosquittoPasswordFile Load(string path) => Parse(File.ReadAllLines(path), path);

    public static MosquittoPasswordFile Parse(IEnumerable<string> lines, string source = "password file")
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsSupportedHash(line[(colon + 1)..]))
            {
                throw new FormatException($"{source}:{number}: expected 'user:$7$…' or 'user:$6$…' as written by mosquitto_passwd");
            }

            hashes[line[..colon]] = line[(colon + 1)..];
        }

        return new MosquittoPasswordFile(hashes);
    }

    public bool Verify(string? user, string? password)
    {
        if (user is null || password is null || !_hashes.TryGetValue(user, out var stored))
        {
            return false;
        }

        var parts = stored.Split('$');
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            byte[] expected, actual;
            if (parts is ["", "7", var iterations, var salt, var hash])
            {
                expected = Convert.FromBase64String(hash);
                actual = Rfc2898DeriveBytes.Pbkdf2(passwordBytes, Convert.FromBase64String(salt),
                    int.Parse(iterations, CultureInfo.InvariantCulture), HashAlgorithmName.SHA512, expected.Length);
            }
            else if (parts is ["", "6", var salt6, var hash6])
            {
                expected = Convert.FromBase64String(hash6);
                actual = SHA512.HashData([.. passwordBytes, .. Convert.FromBase64String(salt6)]);
            }
            else
            {
                return false;
            }

            return CryptographicOperations.FixedTimeEquals(expected, actual);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when both files hold the same entry for <paramref name="user"/> (same hash, salt and iterations).</summary>
    internal bool HasSameEntry(string user, MosquittoPasswordFile other) =>
        _hashes.TryGetValue(user, out var mine) && other._hashes.TryGetValue(user, out var theirs) && mine == theirs;

    private static bool IsSupportedHash(string hash) =>
        hash.StartsWith("$7$", StringComparison.Ordinal) || hash.StartsWith("$6$", StringComparison.Ordinal);
}
