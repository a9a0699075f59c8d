namespace ClassroomFleet.Snmp.Usm;

/// <summary>msgFlags bits (RFC 3412 §6.4).</summary>
internal static class V3MessageFlags
{
    public const byte Auth = 0x01;
    public const byte Priv = 0x02;
    public const byte Reportable = 0x04;

    public static byte For(SecurityLevel level) => level switch
    {
        SecurityLevel.AuthPriv => Auth | Priv,
        SecurityLevel.AuthNoPriv => Auth,
        _ => 0,
    };
}
