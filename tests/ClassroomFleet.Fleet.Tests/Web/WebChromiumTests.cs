using System.Buffers.Binary;
using ClassroomFleet.Fleet.Tests.Api;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Fleet.Tests.Web;

/// <summary>
/// The web view in headless Chromium against the in-process fleet, driven as a user would over the DevTools protocol:
/// type the token into the sign-in form, press its button, then click the links of each page with the mouse.
/// </summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[Trait("requires", "chromium")]
public sealed class WebChromiumTests(ApiFleetFixture fleet)
{
    [Theory]
    [InlineData("en", "Schools", "Rooms and devices", "Down", "Poll time (ms)")]
    [InlineData("zh", "学校", "教室与设备", "故障", "轮询耗时 (毫秒)")]
    public async Task Click_Through_County_School_Device_In_Each_Language(string lang, string countyWord, string schoolWord, string downWord, string deviceWord)
    {
        await using var browser = await ChromiumDevToolsSession.StartAsync();
        var countyPath = $"/web/counties/{fleet.OwnCounty}?lang={lang}";

        var county = await SignInAsync(browser, countyPath);
        Assert.Equal(countyPath, (await browser.LocationAsync()).PathAndQuery);
        Assert.Contains(countyWord, county, StringComparison.Ordinal);
        Assert.Contains("第一中学 " + fleet.OwnSchool, county, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.OtherSchool, county, StringComparison.Ordinal);

        await browser.ClickAndWaitForLoadAsync($"a[href^=\"/web/schools/{fleet.OwnSchool}?\"]");
        Assert.Equal($"/web/schools/{fleet.OwnSchool}?lang={lang}", (await browser.LocationAsync()).PathAndQuery);
        var school = await browser.HtmlAsync();
        Assert.Contains(schoolWord, school, StringComparison.Ordinal);
        Assert.Contains(downWord, school, StringComparison.Ordinal);
        Assert.Contains("Gi1/0/49", school, StringComparison.Ordinal);

        await browser.ClickAndWaitForLoadAsync($"a[href^=\"/web/schools/{fleet.OwnSchool}/devices/sw-core-1\"]");
        Assert.StartsWith($"/web/schools/{fleet.OwnSchool}/devices/sw-core-1", (await browser.LocationAsync()).AbsolutePath, StringComparison.Ordinal);
        var device = await browser.HtmlAsync();
        Assert.Contains(deviceWord, device, StringComparison.Ordinal);
        Assert.Contains("timeout", device, StringComparison.Ordinal);
        Assert.Matches($"id=\"device-status\"><span class=\"down\">{downWord}</span>", device);

        // Back up the breadcrumb to the county the page belongs to.
        await browser.ClickAndWaitForLoadAsync($"a[href^=\"/web/counties/{fleet.OwnCounty}\"]");
        Assert.Equal(countyPath, (await browser.LocationAsync()).PathAndQuery);
    }

    [Fact]
    public async Task A_Wrong_Token_Typed_Into_The_Form_Stays_On_The_Form()
    {
        await using var browser = await ChromiumDevToolsSession.StartAsync();
        await browser.NavigateAsync(new Uri(fleet.Fleet.BaseAddress, "/web/login?lang=en"));

        await browser.TypeAsync("input[name=token]", "cft_not_a_real_token");
        await browser.ClickAndWaitForLoadAsync("button[type=submit]");

        Assert.Equal("/web/login", (await browser.LocationAsync()).AbsolutePath);
        Assert.Contains("The token is unknown or revoked.", await browser.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshot_Of_The_School_Page_Is_A_Full_Size_Picture_With_Content()
    {
        await using var browser = await ChromiumDevToolsSession.StartAsync(1280, 900);
        var blank = await browser.ScreenshotAsync();
        await SignInAsync(browser, $"/web/schools/{fleet.OwnSchool}?lang=zh");
        var png = await browser.ScreenshotAsync();
        var path = Path.Combine("artifacts", "web-school-zh.png");
        Directory.CreateDirectory("artifacts");
        await File.WriteAllBytesAsync(path, png);

        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        // A rendered page of tables and CJK text compresses far worse than a blank one of the same size.
        Assert.True(png.Length > 4 * blank.Length && png.Length > 20_000, $"screenshot of {png.Length} bytes vs blank {blank.Length}: page looks empty ({Path.GetFullPath(path)})");
    }

    /// <summary>Opens the sign-in form on its way to <paramref name="next"/>, types the auditor's token, presses the button.</summary>
    private async Task<string> SignInAsync(ChromiumDevToolsSession browser, string next)
    {
        await browser.NavigateAsync(new Uri(fleet.Fleet.BaseAddress, $"/web/login?next={Uri.EscapeDataString(next)}"));
        await browser.TypeAsync("input[name=token]", ApiFleetFixture.AuditorOwn);
        await browser.ClickAndWaitForLoadAsync("button[type=submit]");
        return await browser.HtmlAsync();
    }
}
