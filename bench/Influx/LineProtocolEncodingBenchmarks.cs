using BenchmarkDotNet.Attributes;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Bench.Influx;

/// <summary>Encoding 100,000 interface points into a reused buffer. Divide by 100,000 for per-point figures.</summary>
[MemoryDiagnoser]
public class LineProtocolEncodingBenchmarks : IDisposable
{
    private readonly InterfacePoints _points = new();
    private readonly LineProtocolBuffer _buffer = new(32 * 1024 * 1024);

    [Params(true, false)]
    public bool SortedTags { get; set; }

    [Benchmark(OperationsPerInvoke = InterfacePoints.Count, Description = "encode one interface point")]
    public int Encode()
    {
        _buffer.Clear();
        _points.WriteAll(_buffer, SortedTags, 1_700_000_000_000_000_000);
        return _buffer.WrittenMemory.Length;
    }

    public void Dispose()
    {
        _buffer.Dispose();
        GC.SuppressFinalize(this);
    }
}
