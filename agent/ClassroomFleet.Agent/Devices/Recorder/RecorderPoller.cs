using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder.Onvif;
using ClassroomFleet.Agent.Devices.Recorder.Rtsp;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>
/// Polls recording equipment (录播): ICMP, RTSP DESCRIBE (is a live stream offered: an SDP with a media line), ONVIF
/// GetSystemDateAndTime (liveness, clock offset) and GetDeviceInformation, and disk space from HOST-RESOURCES where
/// offered. One <c>recorder</c> point per poll; a part that fails leaves <c>rtsp_error</c>/<c>onvif_error</c>, and the
/// poll fails only when neither RTSP nor ONVIF answered.
/// </summary>
public sealed class RecorderPoller(
    DeviceProfileCatalog profiles,
    DeviceCredentials credentials,
    OnvifClient onvif,
    HostResourcesReader hostResources,
    TimeProvider time,
    ILogger<RecorderPoller> logger) : IDevicePoller
{
    public const string Measurement = "recorder";

    private long _malformed;

    public string Kind => "recorder";

    /// <summary>Malformed RTSP/SDP/SOAP answers rejected since start.</summary>
    public long MalformedAnswers => Interlocked.Read(ref _malformed);

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var profile = profiles.Resolve(device);
        if (!DeviceAddress.TryParse(device.Address, RtspClient.DefaultPort, out var address))
        {
            throw new InvalidOperationException($"device {device.Id}: address '{device.Address}' is not host or host:port");
        }

        var fields = new RecorderFields();
        if (device.Icmp != false)
        {
            fields.AddEcho(await IcmpProbe.PingAsync(address.Host, profile.IcmpTimeout, cancellationToken).ConfigureAwait(false));
        }

        var failures = new List<string>();
        var answered = false;
        if (device.Rtsp is { } rtsp)
        {
            answered |= await PollRtspAsync(device, address.Host, rtsp, profile, fields, failures, cancellationToken).ConfigureAwait(false);
        }

        if (device.Onvif is { } settings)
        {
            answered |= await PollOnvifAsync(device, address.Host, settings, profile, fields, failures, cancellationToken).ConfigureAwait(false);
        }

        if (!answered && failures.Count > 0)
        {
            throw new RecorderUnreachableException(string.Join("; ", failures));
        }

        if (device.HostResources is not null)
        {
            try
            {
                fields.AddHostResources(await hostResources.ReadAsync(device, profile, cancellationToken).ConfigureAwait(false));
            }
            catch (SnmpException ex)
            {
                fields.Strings["host_resources_error"] = ex.Message;
            }
        }

        return [fields.ToPoint(Measurement, UnixNanos.From(time.GetUtcNow()))];
    }

    private async Task<bool> PollRtspAsync(
        DeviceEntry device, string host, RtspEntry rtsp, DeviceProfile profile, RecorderFields fields, List<string> failures, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder("rtsp", host, rtsp.Port ?? RtspClient.DefaultPort, rtsp.Path).Uri;
        try
        {
            var result = await RtspClient.DescribeAsync(uri, credentials.Find(rtsp.Credential, device.Id), profile.Timeout, cancellationToken).ConfigureAwait(false);
            fields.AddRtsp(result);
            if (result.StatusCode == 200 && !result.HasLiveStream)
            {
                logger.NoLiveStream(device.Id);
            }

            return true;
        }
        catch (RtspException ex)
        {
            if (ex is RtspProtocolException)
            {
                Interlocked.Increment(ref _malformed);
                logger.MalformedAnswer(device.Id, "RTSP", ex.Message);
            }
            else
            {
                logger.ProtocolFailed(device.Id, "RTSP", ex.Message);
            }

            fields.Booleans["stream_live"] = false;
            fields.Strings["rtsp_error"] = ex.Message;
            failures.Add("RTSP: " + ex.Message);
            return false;
        }
    }

    private async Task<bool> PollOnvifAsync(
        DeviceEntry device, string host, OnvifEntry settings, DeviceProfile profile, RecorderFields fields, List<string> failures, CancellationToken cancellationToken)
    {
        var service = new UriBuilder("http", host, settings.Port ?? 80, settings.Path).Uri;
        OnvifClock clock;
        try
        {
            clock = await onvif.GetSystemDateAndTimeAsync(service, profile.Timeout, cancellationToken).ConfigureAwait(false);
            fields.Booleans["onvif_ok"] = true;
            fields.Floats["clock_offset_s"] = clock.Offset.TotalSeconds;
        }
        catch (OnvifException ex)
        {
            Failed(device, ex, fields);
            fields.Booleans["onvif_ok"] = false;
            failures.Add("ONVIF: " + ex.Message);
            return false;
        }

        try
        {
            var credential = credentials.Find(settings.Credential, device.Id);
            fields.AddDeviceInformation(await onvif.GetDeviceInformationAsync(service, credential, clock.Offset, profile.Timeout, cancellationToken).ConfigureAwait(false));
        }
        catch (OnvifException ex)
        {
            // The device answered (it is alive); only its identity is missing.
            Failed(device, ex, fields);
        }

        return true;
    }

    private void Failed(DeviceEntry device, OnvifException ex, RecorderFields fields)
    {
        if (ex is OnvifProtocolException)
        {
            Interlocked.Increment(ref _malformed);
            logger.MalformedAnswer(device.Id, "ONVIF", ex.Message);
        }
        else
        {
            logger.ProtocolFailed(device.Id, "ONVIF", ex.Message);
        }

        fields.Strings["onvif_error"] = ex.Message;
    }
}
