namespace ClassroomFleet.Snmp.Usm;

/// <summary>A user's keys localised to one authoritative engine; what the wire operations actually use.</summary>
internal sealed class LocalizedKeys
{
    public LocalizedKeys(UsmCredentials credentials, byte[] authKey, byte[] privKey)
        : this(System.Text.Encoding.UTF8.GetBytes(credentials.UserName), credentials.AuthProtocol, credentials.PrivProtocol, authKey, privKey)
    {
    }

    private LocalizedKeys(byte[] userName, AuthProtocol authProtocol, PrivProtocol privProtocol, byte[] authKey, byte[] privKey)
    {
        UserName = userName;
        AuthProtocol = authProtocol;
        PrivProtocol = privProtocol;
        AuthKey = authKey;
        PrivKey = privKey;
    }

    /// <summary>The same user signing only: reports go out at authNoPriv at most (RFC 3414 §3.1.1 b, §11.3).</summary>
    public LocalizedKeys WithoutPrivacy() => new(UserName, AuthProtocol, PrivProtocol.None, AuthKey, []);

    public byte[] UserName { get; }

    public AuthProtocol AuthProtocol { get; }

    public PrivProtocol PrivProtocol { get; }

    public byte[] AuthKey { get; }

    public byte[] PrivKey { get; }

    public bool Authenticates => AuthProtocol != AuthProtocol.None;

    public bool Encrypts => PrivProtocol != PrivProtocol.None;
}
