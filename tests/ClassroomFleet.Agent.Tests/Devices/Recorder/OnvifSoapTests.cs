using ClassroomFleet.Agent.Devices.Recorder.Onvif;

namespace ClassroomFleet.Agent.Tests.Devices.Recorder;

public class OnvifSoapTests
{
    [Fact]
    public void Password_Digest_Matches_The_Onvif_Programmers_Guide_Example()
    {
        var nonce = Convert.FromBase64String("LKqI6G/AikKCQrN0zqZFlg==");
        Assert.Equal("tuOSpGlFlIXsozq4HFNeeGeFLEI=", WsUsernameToken.Digest(nonce, "2010-09-16T07:50:45Z", "userpassword"));
    }

    [Fact]
    public void A_Request_Carries_The_Token_Only_When_A_Credential_Is_Given()
    {
        var open = OnvifSoap.Request("GetSystemDateAndTime", null, null, DateTimeOffset.UnixEpoch);
        var signed = OnvifSoap.Request("GetDeviceInformation", "admin", "pw<&>", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain("UsernameToken", open, StringComparison.Ordinal);
        Assert.Contains("<wsse:Username>admin</wsse:Username>", signed, StringComparison.Ordinal);
        Assert.Contains("<wsu:Created>2026-11-23T08:00:00Z</wsu:Created>", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("pw<&>", signed, StringComparison.Ordinal);
        Assert.Equal("GetDeviceInformation", System.Xml.Linq.XDocument.Parse(signed).Descendants().Last().Name.LocalName);
    }

    [Fact]
    public void A_NotAuthorized_Fault_Is_An_Authentication_Error()
    {
        const string fault = """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>""";
        var ex = Assert.Throws<OnvifAuthenticationException>(() => OnvifSoap.ResponseBody(fault, "GetDeviceInformationResponse"));
        Assert.Contains("Sender not Authorized", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><tds:X")]
    [InlineData("not xml at all")]
    [InlineData("<Envelope><Body><GetDeviceInformationResponse/></Body></Envelope>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&lol;</s:Body></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><tds:GetSystemDateAndTimeResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"/></s:Body></s:Envelope>")]
    public void Malformed_Or_Unexpected_Soap_Is_A_Protocol_Error(string xml)
    {
        Assert.Throws<OnvifProtocolException>(() => OnvifSoap.ResponseBody(xml, "GetDeviceInformationResponse"));
    }
}
