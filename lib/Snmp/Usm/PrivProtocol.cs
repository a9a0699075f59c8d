namespace ClassroomFleet.Snmp;

/// <summary>
/// USM privacy protocols: CBC-DES (RFC 3414 §8), CFB128-AES-128 (RFC 3826), and AES-192/AES-256 with the key
/// extension net-snmp 5.9 uses for its "AES-192"/"AES-256" (draft-blumenthal-aes-usm-04 §3.1.2.1: Kul = Kul || H(Kul)).
/// </summary>
public enum PrivProtocol
{
    None,
    Des,
    Aes128,
    Aes192,
    Aes256,
}
