namespace ClassroomFleet.Snmp.Usm;

/// <summary>A user's keys localised to one authoritative engine; what the wire operations actually use.</summary>
internal sealed class LocalizedKeys
{
    public LocalizedKeys(UsmCredentials credentials, byte[] authKey, byte[] privKey)
    {
        UserName = System.Text.Encoding.UTF8.GetBytes(credentials.UserName);
        AuthProtocol = credentials.AuthProtocol;
        PrivProtocol = credentials.PrivProtocol;
        AuthKey = authKey;
        PrivKey = privKey;
    }

    public byte[] UserName { get; }

    public AuthProtocol AuthProtocol { get; }

    public PrivProtocol PrivProtocol { get; }

    public byte[] AuthKey { get; }

    public byte[] PrivKey { get; }

    public bool Authenticates => AuthProtocol != AuthProtocol.None;

    public bool Encrypts => PrivProtocol != PrivProtocol.None;
}
