namespace ClassroomFleet.Sensors.OneWire;

/// <summary>
/// A DS18B20 on the kernel's 1-Wire bus (<c>/sys/bus/w1/devices/28-xxxxxxxxxxxx</c>). Reads <c>w1_slave</c>, whose
/// first line shows the CRC check, and falls back to the newer <c>temperature</c> file where <c>w1_slave</c> is absent.
/// A read takes up to 750 ms: the kernel starts a conversion and waits for it.
/// </summary>
public sealed class Ds18b20Reader(SysfsRoot root, string id, string address) : ISensorReader
{
    /// <summary>The DS18B20's 1-Wire family code: its folders are named <c>28-</c> and the 48-bit serial in hex.</summary>
    public const string FamilyPrefix = "28-";

    private const double Milli = 1000.0;

    public string Id { get; } = id;

    public SensorSource Source => SensorSource.OneWire;

    public string Address { get; } = address;

    public async ValueTask<SensorReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root.W1Devices, Address);
        var slavePath = Path.Combine(folder, "w1_slave");
        var temperaturePath = Path.Combine(folder, "temperature");
        return await SensorReads.GuardAsync(Id, folder, async ct =>
        {
            int milliC;
            if (await SysfsText.ReadAsync(slavePath, ct).ConfigureAwait(false) is { } slave)
            {
                milliC = W1SlaveParser.ParseMilliC(slave, slavePath);
            }
            else if (await SysfsText.ReadAsync(temperaturePath, ct).ConfigureAwait(false) is { } temperature)
            {
                milliC = W1SlaveParser.ParseTemperatureFile(temperature, temperaturePath);
            }
            else
            {
                return SensorReads.Missing(Id, folder, "no w1_slave or temperature file: sensor unplugged or w1_therm not loaded");
            }

            return SensorReadResult.Ok(new SensorSample(Id, SensorSource.OneWire, milliC / Milli, null, null));
        }, cancellationToken).ConfigureAwait(false);
    }
}
