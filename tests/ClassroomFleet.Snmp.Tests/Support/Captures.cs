using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Usm;

namespace ClassroomFleet.Snmp.Tests.Support;

/// <summary>Real datagrams recorded between net-snmp tools and snmpd/snmpsim (Resources/Captures, see its README).</summary>
internal static class Captures
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> All = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Resources", "Captures"), "*.bin")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path)))
            .ToList());

    private static readonly KeyCache Keys = new();

    private static readonly UsmCredentials[] Users =
    [
        new("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123"),
        new("cfmd5des", AuthProtocol.Md5, "authpass123", PrivProtocol.Des, "privpass123"),
        new("cfsha512aes", AuthProtocol.Sha512, "authpass123", PrivProtocol.Aes128, "privpass123"),
        new("cfauthonly", AuthProtocol.Sha1, "authpass123"),
        new("cfshaaes256", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes256, "privpass123"),
        new("cfmd5aes192", AuthProtocol.Md5, "authpass123", PrivProtocol.Aes192, "privpass123"),
        new("cfsha256aes256", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes256, "privpass123"),
    ];

    public static UsmCredentials User(string name) => Array.Find(Users, u => u.UserName == name) ?? throw new ArgumentException(name, nameof(name));

    public static IReadOnlyList<(string Name, byte[] Bytes)> Load() => All.Value;

    public static byte[] Get(string name) => Load().Single(c => c.Name == name).Bytes;

    /// <summary>
    /// Decodes a datagram the way the client and the trap receiver do, keys included for the v3 users the captures
    /// use; returns the PDU or null for a v3 message whose user is not known here.
    /// </summary>
    public static SnmpPdu? DecodeAny(byte[] datagram)
    {
        if (SnmpMessageCodec.PeekVersion(datagram) != SnmpVersion.V3)
        {
            return SnmpMessageCodec.DecodeCommunity(datagram).Pdu;
        }

        var message = V3Message.Parse(datagram);
        var userName = System.Text.Encoding.UTF8.GetString(message.Security.UserName);
        var user = Array.Find(Users, u => u.UserName == userName);
        if (user is null || message.Security.EngineId.Length == 0)
        {
            return message.IsEncrypted ? null : message.DecodeScopedPdu(null).Pdu;
        }

        var keys = Keys.Get(user, message.Security.EngineId);
        if (message.IsAuthenticated)
        {
            message.VerifyDigest(keys);
        }

        return message.DecodeScopedPdu(keys).Pdu;
    }
}
