using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ClassroomFleet.Simulators.RtspOnvif;

/// <summary>
/// The ONVIF device service at <c>/onvif/device_service</c>, SOAP 1.2: GetSystemDateAndTime (open to all, as ONVIF
/// requires) and GetDeviceInformation (WS-UsernameToken PasswordDigest when a password is configured; a bad token
/// gets a Sender fault with subcode ter:NotAuthorized).
/// </summary>
public sealed class OnvifHandler(RecorderState state)
{
    private const string Soap = "http://www.w3.org/2003/05/soap-envelope";
    private const string Tds = "http://www.onvif.org/ver10/device/wsdl";
    private const string Tt = "http://www.onvif.org/ver10/schema";
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    public (int Status, string Body) Answer(TextRequest request)
    {
        if (request.Method != "POST" || request.Target != "/onvif/device_service")
        {
            return (404, "");
        }

        if (state.GarbageSoap)
        {
            return (200, "<s:Envelope xmlns:s=\"" + Soap + "\"><s:Body><tds:GetSystemDateAndTimeResponse");
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(request.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return (400, Fault("s:Sender", "ter:WellFormed", "not well-formed XML"));
        }

        var operation = document.Root?.Element(XName.Get("Body", Soap))?.Elements().FirstOrDefault();
        if (operation?.Name.NamespaceName != Tds)
        {
            return (400, Fault("s:Sender", "ter:ActionNotSupported", "unknown operation"));
        }

        return operation.Name.LocalName switch
        {
            "GetSystemDateAndTime" => (200, Envelope(DateAndTime())),
            "GetDeviceInformation" when Authorized(document) => (200, Envelope(
                "<tds:GetDeviceInformationResponse><tds:Manufacturer>CF Sim</tds:Manufacturer><tds:Model>RX-200 Recorder</tds:Model>"
                + "<tds:FirmwareVersion>V5.6.1 build 251001</tds:FirmwareVersion><tds:SerialNumber>" + state.Serial + "</tds:SerialNumber>"
                + "<tds:HardwareId>RX-200</tds:HardwareId></tds:GetDeviceInformationResponse>")),
            "GetDeviceInformation" => (400, Fault("s:Sender", "ter:NotAuthorized", "Sender not Authorized")),
            _ => (400, Fault("s:Sender", "ter:ActionNotSupported", "unknown operation")),
        };
    }

    private string DateAndTime()
    {
        var now = DateTime.UtcNow.AddSeconds(state.ClockOffsetSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>{now.Hour}</tt:Hour><tt:Minute>{now.Minute}</tt:Minute><tt:Second>{now.Second}</tt:Second></tt:Time><tt:Date><tt:Year>{now.Year}</tt:Year><tt:Month>{now.Month}</tt:Month><tt:Day>{now.Day}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>
            """);
    }

    private bool Authorized(XDocument document)
    {
        if (state.Password is null)
        {
            return true;
        }

        var token = document.Descendants(XName.Get("UsernameToken", Wsse)).FirstOrDefault();
        var user = token?.Element(XName.Get("Username", Wsse))?.Value;
        var digest = token?.Element(XName.Get("Password", Wsse))?.Value;
        var nonce = token?.Element(XName.Get("Nonce", Wsse))?.Value;
        var created = token?.Element(XName.Get("Created", Wsu))?.Value;
        if (user != state.User || digest is null || nonce is null || created is null)
        {
            return false;
        }

        byte[] nonceBytes;
        try
        {
            nonceBytes = Convert.FromBase64String(nonce);
        }
        catch (FormatException)
        {
            return false;
        }

        // A token stamped more than 5 minutes away from the device's clock is refused, as real devices do.
        if (!DateTime.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp)
            || Math.Abs((stamp - DateTime.UtcNow.AddSeconds(state.ClockOffsetSeconds)).TotalMinutes) > 5)
        {
            return false;
        }

#pragma warning disable CA5350 // UsernameToken Profile PasswordDigest is SHA-1.
        var expected = Convert.ToBase64String(SHA1.HashData([.. nonceBytes, .. Encoding.UTF8.GetBytes(created), .. Encoding.UTF8.GetBytes(state.Password)]));
#pragma warning restore CA5350
        return expected == digest;
    }

    private static string Envelope(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{Soap}" xmlns:tds="{Tds}" xmlns:tt="{Tt}"><s:Body>{body}</s:Body></s:Envelope>""";

    private static string Fault(string code, string subcode, string reason) => Envelope(
        $"""<s:Fault xmlns:ter="http://www.onvif.org/ver10/error"><s:Code><s:Value>{code}</s:Value><s:Subcode><s:Value>{subcode}</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">{reason}</s:Text></s:Reason></s:Fault>""");
}
