using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>USM protocol names as a credential writes them, in net-snmp's spelling (<c>SHA-256</c>, <c>AES-256</c>).</summary>
internal static class UsmProtocolNames
{
    public static AuthProtocol Auth(string? name, string deviceId) => name?.ToUpperInvariant() switch
    {
        null or "" or "NONE" => AuthProtocol.None,
        "MD5" => AuthProtocol.Md5,
        "SHA" or "SHA1" or "SHA-1" => AuthProtocol.Sha1,
        "SHA-224" or "SHA224" => AuthProtocol.Sha224,
        "SHA-256" or "SHA256" => AuthProtocol.Sha256,
        "SHA-384" or "SHA384" => AuthProtocol.Sha384,
        "SHA-512" or "SHA512" => AuthProtocol.Sha512,
        _ => throw new InvalidOperationException($"device {deviceId}: AuthProtocol '{name}' is not MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512"),
    };

    public static PrivProtocol Priv(string? name, string deviceId) => name?.ToUpperInvariant() switch
    {
        null or "" or "NONE" => PrivProtocol.None,
        "DES" => PrivProtocol.Des,
        "AES" or "AES128" or "AES-128" => PrivProtocol.Aes128,
        "AES192" or "AES-192" => PrivProtocol.Aes192,
        "AES256" or "AES-256" => PrivProtocol.Aes256,
        _ => throw new InvalidOperationException($"device {deviceId}: PrivProtocol '{name}' is not DES, AES, AES-192 or AES-256"),
    };
}
