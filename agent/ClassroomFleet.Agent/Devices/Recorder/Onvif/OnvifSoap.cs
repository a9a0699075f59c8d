using System.Security;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>Builds SOAP 1.2 requests of the ONVIF device service and reads their responses safely (no DTD, bounded size).</summary>
public static class OnvifSoap
{
    public const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
    public const string DeviceNamespace = "http://www.onvif.org/ver10/device/wsdl";
    public const string SchemaNamespace = "http://www.onvif.org/ver10/schema";
    public const int MaxResponseBytes = 256 * 1024;

    public static string Request(string operation, string? user, string? password, DateTimeOffset created)
    {
        var header = "";
        if (user is not null && password is not null)
        {
            var nonce = RandomNumberGenerator.GetBytes(16);
            var createdText = WsUsernameToken.Created(created);
            header = $"""
                <s:Header><wsse:Security s:mustUnderstand="1" xmlns:wsse="{WsUsernameToken.SecurityNamespace}" xmlns:wsu="{WsUsernameToken.UtilityNamespace}"><wsse:UsernameToken><wsse:Username>{SecurityElement.Escape(user)}</wsse:Username><wsse:Password Type="{WsUsernameToken.PasswordDigestType}">{WsUsernameToken.Digest(nonce, createdText, password)}</wsse:Password><wsse:Nonce EncodingType="{WsUsernameToken.Base64BinaryType}">{Convert.ToBase64String(nonce)}</wsse:Nonce><wsu:Created>{createdText}</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header>
                """;
        }

        return $"""<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{Soap12Namespace}">{header}<s:Body xmlns:tds="{DeviceNamespace}"><tds:{operation}/></s:Body></s:Envelope>""";
    }

    /// <summary>The first element of the SOAP body; a fault becomes a typed exception.</summary>
    public static XElement ResponseBody(string xml, string expectedElement)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxResponseBytes,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new OnvifProtocolException($"the response is not well-formed XML: {ex.Message}", ex);
        }

        XNamespace soap = Soap12Namespace;
        var body = document.Root is { } root && root.Name == soap + "Envelope" ? root.Element(soap + "Body") : null;
        var content = body?.Elements().FirstOrDefault() ?? throw new OnvifProtocolException("the response is not a SOAP 1.2 envelope with a body");
        if (content.Name == soap + "Fault")
        {
            throw Fault(content);
        }

        return content.Name == (XNamespace)DeviceNamespace + expectedElement
            ? content
            : throw new OnvifProtocolException($"expected tds:{expectedElement}, got {content.Name.LocalName}");
    }

    public static OnvifException Fault(XElement fault)
    {
        XNamespace soap = Soap12Namespace;
        var codes = fault.Descendants(soap + "Value").Select(v => v.Value.Trim()).ToList();
        var reason = fault.Element(soap + "Reason")?.Elements(soap + "Text").FirstOrDefault()?.Value.Trim() ?? "";
        var message = $"SOAP fault {string.Join(" / ", codes)}: {reason}";
        return codes.Any(c => c.EndsWith("NotAuthorized", StringComparison.Ordinal) || c.EndsWith("FailedAuthentication", StringComparison.Ordinal))
            ? new OnvifAuthenticationException(message)
            : new OnvifException(message);
    }
}
