using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>
/// The test cookie: 36 random characters of iperf3's alphabet and a NUL, 37 bytes, sent first on the control
/// connection and on every data connection so the server can tell which test a stream belongs to.
/// </summary>
public static class Iperf3Cookie
{
    public const int Size = 37;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static byte[] Create()
    {
        var cookie = new byte[Size];
        var text = RandomNumberGenerator.GetString(Alphabet, Size - 1);
        Encoding.ASCII.GetBytes(text, cookie);
        return cookie;
    }
}
