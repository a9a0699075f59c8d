using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>
/// WS-Security UsernameToken with PasswordDigest (OASIS UsernameToken Profile 1.0 §3.1), which ONVIF requires:
/// Base64(SHA-1(nonce + created + password)), the nonce sent in Base64, <c>created</c> in UTC to the second.
/// </summary>
public static class WsUsernameToken
{
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string UtilityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string PasswordDigestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    public const string Base64BinaryType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    // SHA-1 is what the UsernameToken Profile specifies for PasswordDigest.
#pragma warning disable CA5350
    public static string Digest(ReadOnlySpan<byte> nonce, string created, string password)
    {
        var createdBytes = Encoding.UTF8.GetBytes(created);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[nonce.Length + createdBytes.Length + passwordBytes.Length];
        nonce.CopyTo(input);
        createdBytes.CopyTo(input, nonce.Length);
        passwordBytes.CopyTo(input, nonce.Length + createdBytes.Length);
        return Convert.ToBase64String(SHA1.HashData(input));
    }
#pragma warning restore CA5350

    public static string Created(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
