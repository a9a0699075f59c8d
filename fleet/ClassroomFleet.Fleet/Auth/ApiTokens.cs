using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Fleet.Auth;

/// <summary>Makes tokens and their hashes. A token is 32 random bytes, base64url, prefixed <c>cft_</c> so that leaked ones are easy to grep for.</summary>
public static class ApiTokens
{
    public const string Prefix = "cft_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
