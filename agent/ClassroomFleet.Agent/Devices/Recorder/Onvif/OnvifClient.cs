using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using ClassroomFleet.Agent.Devices.Profiles;

namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>
/// The two ONVIF device-service calls the recorder poller needs (ONVIF Core §8.3): GetSystemDateAndTime (no
/// authentication; liveness and clock offset) and GetDeviceInformation (WS-UsernameToken digest, stamped with the
/// device's own clock so that a device with a skewed clock still accepts it).
/// </summary>
public sealed class OnvifClient(HttpClient http, TimeProvider time)
{
    public async Task<OnvifClock> GetSystemDateAndTimeAsync(Uri service, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var sent = time.GetUtcNow();
        var body = await CallAsync(service, "GetSystemDateAndTime", null, sent, timeout, cancellationToken).ConfigureAwait(false);
        var received = time.GetUtcNow();
        XNamespace tt = OnvifSoap.SchemaNamespace;
        var utc = body.Descendants(tt + "UTCDateTime").FirstOrDefault()
            ?? throw new OnvifProtocolException("GetSystemDateAndTimeResponse has no UTCDateTime");
        var deviceUtc = ReadDateTime(utc);
        var middle = sent + (received - sent) / 2;
        return new OnvifClock(deviceUtc, deviceUtc - middle);
    }

    public async Task<OnvifDeviceInformation> GetDeviceInformationAsync(
        Uri service, PasswordCredential? credential, TimeSpan clockOffset, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var body = await CallAsync(service, "GetDeviceInformation", credential, time.GetUtcNow() + clockOffset, timeout, cancellationToken).ConfigureAwait(false);
        XNamespace tds = OnvifSoap.DeviceNamespace;
        string Text(string name) => body.Element(tds + name)?.Value.Trim()
            ?? throw new OnvifProtocolException($"GetDeviceInformationResponse has no {name}");
        return new OnvifDeviceInformation(Text("Manufacturer"), Text("Model"), Text("FirmwareVersion"), Text("SerialNumber"), Text("HardwareId"));
    }

    private async Task<XElement> CallAsync(
        Uri service, string operation, PasswordCredential? credential, DateTimeOffset created, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var xml = OnvifSoap.Request(operation, credential?.User, credential?.Password, created);
        using var request = new HttpRequestMessage(HttpMethod.Post, service) { Content = new StringContent(xml, Encoding.UTF8) };
        // SOAP 1.2 carries the action as a media-type parameter (RFC 3902).
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
            $"application/soap+xml; charset=utf-8; action=\"{OnvifSoap.DeviceNamespace}/{operation}\"");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new OnvifAuthenticationException($"{operation}: HTTP 401 from the device");
            }

            if (response.Content.Headers.ContentLength is > OnvifSoap.MaxResponseBytes)
            {
                throw new OnvifProtocolException($"{operation}: response larger than {OnvifSoap.MaxResponseBytes} bytes");
            }

            var text = await ReadBoundedAsync(response.Content, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !text.Contains("Fault", StringComparison.Ordinal))
            {
                throw new OnvifException($"{operation}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return OnvifSoap.ResponseBody(text, operation + "Response");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OnvifException($"{operation}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            throw new OnvifException($"{operation}: {ex.Message}", ex);
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[OnvifSoap.MaxResponseBytes + 1];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > OnvifSoap.MaxResponseBytes)
            {
                throw new OnvifProtocolException($"response larger than {OnvifSoap.MaxResponseBytes} bytes");
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException ex)
        {
            throw new OnvifProtocolException("the response is not UTF-8", ex);
        }
    }

    private static DateTimeOffset ReadDateTime(XElement utc)
    {
        XNamespace tt = OnvifSoap.SchemaNamespace;
        int Part(string parent, string name) =>
            int.TryParse(utc.Element(tt + parent)?.Element(tt + name)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new OnvifProtocolException($"UTCDateTime has no valid {parent}/{name}");
        try
        {
            return new DateTimeOffset(Part("Date", "Year"), Part("Date", "Month"), Part("Date", "Day"), Part("Time", "Hour"), Part("Time", "Minute"), Part("Time", "Second"), TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new OnvifProtocolException("UTCDateTime is not a valid date and time", ex);
        }
    }
}
