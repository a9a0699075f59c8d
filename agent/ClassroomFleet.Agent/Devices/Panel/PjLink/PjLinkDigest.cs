using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// PJLink authentication: the device greets with <c>PJLINK 1 &lt;random&gt;</c> (8 characters); the controller sends
/// MD5(random + password) as 32 lowercase hex digits in front of its first command.
/// </summary>
public static class PjLinkDigest
{
    // MD5 is what the PJLink specification mandates; it is not used here for anything else.
#pragma warning disable CA5351
    public static string Compute(string random, string password)
    {
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(Encoding.UTF8.GetBytes(random + password), hash);
        return Convert.ToHexStringLower(hash);
    }
#pragma warning restore CA5351
}
