using ClassroomFleet.Testing;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// A mosquitto and an influxd of the run's own (free loopback ports, temp folders, stopped by PID at the end): no other
/// fleet on a shared broker can take or acknowledge the stream, and no other data set weighs on influxd.
/// </summary>
internal sealed class PrivateServers : IAsyncDisposable
{
    private PrivateServers(MosquittoProcess mosquitto, InfluxdProcess influxd)
    {
        Mosquitto = mosquitto;
        Influxd = influxd;
    }

    public MosquittoProcess Mosquitto { get; }

    public InfluxdProcess Influxd { get; }

    public static async Task<PrivateServers> StartAsync(CancellationToken cancellationToken)
    {
        var mosquitto = new MosquittoProcess
        {
            // No persistence (nothing to survive) and no per-client queue limit: mosquitto's default of 1000 queued QoS 1
            // messages would silently drop what a busy fleet has not taken yet.
            PersistenceConfig = "persistence false\n",
            ExtraConfig = "max_queued_messages 0\nmax_inflight_messages 100\n",
        };
        var influxd = new InfluxdProcess();
        try
        {
            await mosquitto.StartAsync(cancellationToken);
            await influxd.StartAsync(cancellationToken);
            return new PrivateServers(mosquitto, influxd);
        }
        catch
        {
            await influxd.DisposeAsync();
            await mosquitto.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Influxd.DisposeAsync();
        await Mosquitto.DisposeAsync();
    }
}
