using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Simulators.PjLink;

/// <summary>
/// One controller connection: greeting (<c>PJLINK 0</c>, or <c>PJLINK 1 &lt;8 hex&gt;</c> with authentication),
/// then CR-terminated commands. With authentication the first command carries MD5(random + password) as 32 hex
/// digits; a wrong or missing digest is answered <c>PJLINK ERRA</c> and the connection is closed.
/// The connection closes after 30 s without a command, as real devices do.
/// </summary>
public static class PjLinkConnection
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    public static async Task ServeAsync(TcpClient client, PjLinkDeviceState device, CancellationToken cancellationToken)
    {
        using (client)
        {
            var stream = client.GetStream();
            var password = device.Read(d => d.Password);
            var random = password is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            await WriteLineAsync(stream, random is null ? "PJLINK 0" : $"PJLINK 1 {random}", cancellationToken).ConfigureAwait(false);
            var authenticated = random is null;
            var reader = new LineReader(stream);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(IdleLimit);
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (line is null)
                {
                    return;
                }

                if (!authenticated)
                {
                    if (line.Length < 32 || !line[..32].Equals(Md5Hex(random! + password), StringComparison.OrdinalIgnoreCase))
                    {
                        await WriteLineAsync(stream, "PJLINK ERRA", cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    authenticated = true;
                    line = line[32..];
                }
                else if (random is not null && line.Length > 32 && line[32] == '%')
                {
                    line = line[32..];
                }

                await WriteLineAsync(stream, PjLinkCommandHandler.Answer(device, line), cancellationToken).ConfigureAwait(false);
            }
        }
    }

#pragma warning disable CA5351 // PJLink mandates MD5.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static async Task WriteLineAsync(NetworkStream stream, string line, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r"), cancellationToken).ConfigureAwait(false);
}
