using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using ClassroomFleet.Fleet.Tests.Api;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Fleet.Tests.Web;

/// <summary>The web view in headless Chromium against the in-process fleet: sign in once, then follow the links of each page.</summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[Trait("requires", "chromium")]
public sealed partial class WebChromiumTests(ApiFleetFixture fleet)
{
    [Theory]
    [InlineData("en", "Schools", "Rooms and devices", "Down", "Poll time (ms)")]
    [InlineData("zh", "学校", "教室与设备", "故障", "轮询耗时 (毫秒)")]
    public async Task Click_Through_County_School_Device_In_Each_Language(string lang, string countyWord, string schoolWord, string downWord, string deviceWord)
    {
        using var chromium = new HeadlessChromium();
        var countyPath = $"/web/counties/{fleet.OwnCounty}?lang={lang}";
        var login = new Uri(fleet.Fleet.BaseAddress, $"/web/login?token={Uri.EscapeDataString(ApiFleetFixture.AuditorOwn)}&next={Uri.EscapeDataString(countyPath)}");

        var county = await chromium.DumpDomAsync(login);
        Assert.Contains(countyWord, county, StringComparison.Ordinal);
        Assert.Contains("第一中学 " + fleet.OwnSchool, county, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.OtherSchool, county, StringComparison.Ordinal);

        // The school link is taken from the page, and the sign-in cookie carries over to the next load.
        var schoolHref = Assert.Single(Hrefs(county), h => h.StartsWith($"/web/schools/{fleet.OwnSchool}", StringComparison.Ordinal));
        Assert.EndsWith($"lang={lang}", schoolHref, StringComparison.Ordinal);
        var school = await chromium.DumpDomAsync(new Uri(fleet.Fleet.BaseAddress, schoolHref));
        Assert.Contains(schoolWord, school, StringComparison.Ordinal);
        Assert.Contains(downWord, school, StringComparison.Ordinal);
        Assert.Contains("Gi1/0/49", school, StringComparison.Ordinal);

        var deviceHref = Assert.Single(Hrefs(school), h => h.StartsWith($"/web/schools/{fleet.OwnSchool}/devices/sw-core-1", StringComparison.Ordinal));
        var device = await chromium.DumpDomAsync(new Uri(fleet.Fleet.BaseAddress, deviceHref));
        Assert.Contains(deviceWord, device, StringComparison.Ordinal);
        Assert.Contains("timeout", device, StringComparison.Ordinal);
        Assert.Matches($"id=\"device-status\"><span class=\"down\">{downWord}</span>", device);
    }

    [Fact]
    public async Task Screenshot_Of_The_School_Page_Is_A_Full_Size_Picture_With_Content()
    {
        using var chromium = new HeadlessChromium();
        var next = $"/web/schools/{fleet.OwnSchool}?lang=zh";
        var login = new Uri(fleet.Fleet.BaseAddress, $"/web/login?token={Uri.EscapeDataString(ApiFleetFixture.AuditorOwn)}&next={Uri.EscapeDataString(next)}");
        var blankPath = Path.Combine("artifacts", "web-blank.png");
        var path = Path.Combine("artifacts", "web-school-zh.png");

        await chromium.ScreenshotAsync(new Uri("about:blank"), blankPath);
        await chromium.ScreenshotAsync(login, path);

        var png = await File.ReadAllBytesAsync(path);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        // A rendered page of tables and CJK text compresses far worse than a blank one of the same size.
        var blank = new FileInfo(blankPath).Length;
        Assert.True(png.Length > 4 * blank && png.Length > 20_000, $"screenshot of {png.Length} bytes vs blank {blank}: page looks empty ({Path.GetFullPath(path)})");
    }

    private static List<string> Hrefs(string html) =>
        [.. HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
