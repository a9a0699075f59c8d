namespace ClassroomFleet.Snmp.Usm;

/// <summary>UsmSecurityParameters (RFC 3414 §2.4) as received; byte fields are copies.</summary>
internal sealed record UsmSecurityParameters(
    byte[] EngineId,
    int EngineBoots,
    int EngineTime,
    byte[] UserName,
    byte[] AuthenticationParameters,
    byte[] PrivacyParameters);
