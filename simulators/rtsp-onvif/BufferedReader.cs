using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Simulators.RtspOnvif;

/// <summary>Reads CRLF lines and byte blocks from a socket stream.</summary>
public sealed class BufferedReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return line.Length == 0 ? null : line.ToString();
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length > 16384)
            {
                throw new InvalidDataException("line too long");
            }

            line.Append((char)b);
        }
    }

    public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var done = 0;
        while (done < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException();
            }

            var take = Math.Min(count - done, _end - _start);
            Array.Copy(_buffer, _start, result, done, take);
            _start += take;
            done += take;
        }

        return result;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _start = 0;
        return _end > 0;
    }
}
