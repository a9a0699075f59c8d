using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Power cycles through the relay board, behind the <see cref="RelayInterlock"/> (its state kept in <paramref name="store"/>).</summary>
public sealed class CabinetRelays(
    CabinetHardware hardware,
    IOptions<CabinetOptions> options,
    RelayInterlockStore store,
    TimeProvider time,
    ILogger<CabinetRelays> logger) : ICabinetRelays
{
    private readonly RelayInterlock _interlock = new(options.Value.Relays, time, store);

    public IReadOnlyCollection<string> Devices => [.. ConfiguredRelays().Select(p => p.Device!)];

    public async Task<PowerCycleResult> PowerCycleAsync(string deviceId, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        cancellationToken.ThrowIfCancellationRequested();
        var gpio = hardware.Gpio;
        var relay = gpio.Relays.FirstOrDefault(r => string.Equals(r.Device, deviceId, StringComparison.Ordinal));
        if (relay is null)
        {
            var configured = ConfiguredRelays().Any(p => string.Equals(p.Device, deviceId, StringComparison.Ordinal));
            return configured && gpio.Error is { } error ? new PowerCycleHardwareError(deviceId, error, PowerLeftOff: false) : new PowerCycleNoRelay(deviceId);
        }

        var decision = _interlock.TryBegin(deviceId, relay.Uplink, force);
        if (!decision.Allowed)
        {
            logger.PowerCycleRefused(deviceId, decision.Reason!);
            return new PowerCycleRefused(deviceId, decision.Reason!);
        }

        try
        {
            return await CycleAsync(relay, force).ConfigureAwait(false);
        }
        finally
        {
            _interlock.End(deviceId);
        }
    }

    private async Task<PowerCycleResult> CycleAsync(CabinetRelay relay, bool force)
    {
        var offTime = options.Value.Relays.MinimumOffTime;
        try
        {
            relay.CutPower();
        }
        catch (Exception ex) when (GpioFailure.IsHardware(ex))
        {
            logger.RelayWriteFailed(relay.Name, relay.Device, "cut", ex.Message);
            return new PowerCycleHardwareError(relay.Device, $"relay {relay.Name} (line {relay.Line}): cutting power failed: {ex.Message}", PowerLeftOff: false);
        }

        var cutAt = time.GetUtcNow();
        logger.PowerCut(relay.Name, relay.Device, force, offTime);

        // Deliberately not cancellable: power comes back after the full off time, never earlier and never not at all.
        await Task.Delay(offTime, time, CancellationToken.None).ConfigureAwait(false);
        try
        {
            relay.RestorePower();
        }
        catch (Exception ex) when (GpioFailure.IsHardware(ex))
        {
            logger.RelayWriteFailed(relay.Name, relay.Device, "restored", ex.Message);
            return new PowerCycleHardwareError(relay.Device, $"relay {relay.Name} (line {relay.Line}): power was cut but restoring it failed: {ex.Message}", PowerLeftOff: true);
        }

        logger.PowerRestored(relay.Name, relay.Device);
        return new PowerCycleDone(relay.Device, cutAt, time.GetUtcNow());
    }

    private IEnumerable<CabinetPinOptions> ConfiguredRelays() =>
        options.Value.Enabled ? options.Value.ActivePins().Values.Where(p => p.Role == PinRole.Relay && p.Device is not null) : [];
}
