using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Simulators.PjLink;

/// <summary>Reads CR-terminated lines (LF ignored) of at most 256 bytes; null at end of stream.</summary>
public sealed class LineReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[512];
    private readonly List<byte> _line = [];
    private int _start;
    private int _end;

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        while (true)
        {
            if (_start == _end)
            {
                _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                _start = 0;
                if (_end == 0)
                {
                    return null;
                }
            }

            var b = _buffer[_start++];
            if (b == '\r')
            {
                return Encoding.UTF8.GetString([.. _line]);
            }

            if (b != '\n' && _line.Count < 256)
            {
                _line.Add(b);
            }
        }
    }
}
