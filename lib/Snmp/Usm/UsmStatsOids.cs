namespace ClassroomFleet.Snmp.Usm;

/// <summary>The usmStats counters an agent names in a Report PDU (RFC 3414 §5, usmStats 1.3.6.1.6.3.15.1.1).</summary>
internal static class UsmStatsOids
{
    public static readonly Oid UnsupportedSecLevels = Oid.Parse("1.3.6.1.6.3.15.1.1.1.0");
    public static readonly Oid NotInTimeWindows = Oid.Parse("1.3.6.1.6.3.15.1.1.2.0");
    public static readonly Oid UnknownUserNames = Oid.Parse("1.3.6.1.6.3.15.1.1.3.0");
    public static readonly Oid UnknownEngineIds = Oid.Parse("1.3.6.1.6.3.15.1.1.4.0");
    public static readonly Oid WrongDigests = Oid.Parse("1.3.6.1.6.3.15.1.1.5.0");
    public static readonly Oid DecryptionErrors = Oid.Parse("1.3.6.1.6.3.15.1.1.6.0");

    public static string Describe(Oid oid) =>
        oid == UnsupportedSecLevels ? "usmStatsUnsupportedSecLevels (the user does not allow this security level)"
        : oid == NotInTimeWindows ? "usmStatsNotInTimeWindows"
        : oid == UnknownUserNames ? "usmStatsUnknownUserNames (no such user)"
        : oid == UnknownEngineIds ? "usmStatsUnknownEngineIDs"
        : oid == WrongDigests ? "usmStatsWrongDigests (wrong authentication password or protocol)"
        : oid == DecryptionErrors ? "usmStatsDecryptionErrors (wrong privacy password or protocol)"
        : $"report {oid}";
}
