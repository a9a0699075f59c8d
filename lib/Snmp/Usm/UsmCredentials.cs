using System.Text;

namespace ClassroomFleet.Snmp;

/// <summary>
/// An SNMPv3 USM user (RFC 3414). Passwords never appear in <see cref="ToString"/> or in logs. Keys are derived from
/// the passwords (RFC 3414 A.2) and localised per engine ID by the client, which caches them.
/// </summary>
public sealed record UsmCredentials
{
    public UsmCredentials(
        string userName,
        AuthProtocol authProtocol = AuthProtocol.None,
        string? authPassword = null,
        PrivProtocol privProtocol = PrivProtocol.None,
        string? privPassword = null)
    {
        UserName = userName;
        AuthProtocol = authProtocol;
        AuthPassword = authPassword ?? string.Empty;
        PrivProtocol = privProtocol;
        PrivPassword = privPassword ?? string.Empty;
    }

    /// <summary>msgUserName, at most 32 octets (RFC 3414 §2.4).</summary>
    public string UserName { get; init; }

    public AuthProtocol AuthProtocol { get; init; }

    public string AuthPassword { get; init; }

    public PrivProtocol PrivProtocol { get; init; }

    public string PrivPassword { get; init; }

    public SecurityLevel Level =>
        AuthProtocol == AuthProtocol.None ? SecurityLevel.NoAuthNoPriv
        : PrivProtocol == PrivProtocol.None ? SecurityLevel.AuthNoPriv
        : SecurityLevel.AuthPriv;

    /// <summary>Every problem with these credentials; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(UserName) is 0 or > 32)
        {
            errors.Add("UserName must be 1 to 32 octets (RFC 3414 §2.4).");
        }

        if (AuthProtocol != AuthProtocol.None && AuthPassword.Length < 8)
        {
            errors.Add("AuthPassword must have at least 8 characters (RFC 3414 §11.2).");
        }

        if (PrivProtocol != PrivProtocol.None && AuthProtocol == AuthProtocol.None)
        {
            errors.Add("PrivProtocol needs an AuthProtocol: USM has no privacy without authentication (RFC 3414 §3.1.1).");
        }

        if (PrivProtocol != PrivProtocol.None && PrivPassword.Length < 8)
        {
            errors.Add("PrivPassword must have at least 8 characters (RFC 3414 §11.2).");
        }

        return errors;
    }

    public override string ToString() => $"UsmCredentials {{ UserName = {UserName}, Auth = {AuthProtocol}, Priv = {PrivProtocol} }}";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName).Append(", Auth = ").Append(AuthProtocol).Append(", Priv = ").Append(PrivProtocol);
        return true;
    }
}
