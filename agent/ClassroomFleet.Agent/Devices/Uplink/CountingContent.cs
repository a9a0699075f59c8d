using System.Net;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>An upload body of N pseudo-random bytes, generated as it is sent, that counts what went out.</summary>
internal sealed class CountingContent(long length) : HttpContent
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        var left = length;
        while (left > 0)
        {
            var count = (int)Math.Min(block.Length, left);
            await stream.WriteAsync(block.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            left -= count;
            Interlocked.Add(ref _sent, count);
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }
}
