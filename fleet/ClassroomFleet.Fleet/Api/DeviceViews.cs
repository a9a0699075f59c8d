using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Fleet.Api;

/// <summary>Joins the registry's devices with their last health point; shared by the API and the web view.</summary>
public static class DeviceViews
{
    /// <summary>When InfluxDB cannot answer, devices are still listed, without health.</summary>
    public static async Task<IReadOnlyList<DeviceView>> ReadAsync(string school, RegistryQueries registry, ITelemetryReader telemetry, CancellationToken cancellationToken)
    {
        var devices = await registry.ListDevicesAsync(school, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, DeviceHealth> health;
        try
        {
            health = await telemetry.GetDeviceHealthAsync(school, cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxQueryException)
        {
            health = new Dictionary<string, DeviceHealth>();
        }

        return [.. devices.Select(d => new DeviceView(d.Id, d.Kind, d.Room, d.InInventory, d.LastAgent, d.LastSeen, health.GetValueOrDefault(d.Id)))];
    }
}
