using System.Net;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Tests.Api;
using ClassroomFleet.Fleet.Tests.Registry;
using ClassroomFleet.Fleet.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Web;

/// <summary>The web view over plain HTTP: sign-in, language choice, county scope.</summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class WebPagesTests(ApiFleetFixture fleet)
{
    [Fact]
    public async Task Without_A_Cookie_A_Page_Redirects_To_The_Login_Form_Keeping_Where_It_Was_Going()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fleet.Fleet.BaseAddress };

        using var response = await client.GetAsync(new Uri($"/web/schools/{fleet.OwnSchool}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/web/login?next=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_The_Login_Form_Sets_An_HttpOnly_Strict_Cookie_And_A_Wrong_Token_Does_Not()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fleet.Fleet.BaseAddress };

        using var good = await client.PostAsync(new Uri("/web/login", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["token"] = ApiFleetFixture.AuditorOwn, ["next"] = "https://evil.example/" }));
        using var bad = await client.PostAsync(new Uri("/web/login", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["token"] = "cft_wrong", ["next"] = "" }));

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.StartsWith("/web/counties", good.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var cookie = Assert.Single(good.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.False(bad.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_Valid_Token_In_The_Login_Url_Signs_Nobody_In()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fleet.Fleet.BaseAddress };
        var next = Uri.EscapeDataString($"/web/schools/{fleet.OwnSchool}");

        using var response = await client.GetAsync(new Uri($"/web/login?token={Uri.EscapeDataString(ApiFleetFixture.AuditorOwn)}&next={next}&lang=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("a token in a web address stays in logs", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", null, "Rooms and devices")]
    [InlineData(null, "en-GB,en;q=0.9", "Rooms and devices")]
    [InlineData(null, "zh-CN,zh;q=0.9,en;q=0.5", "教室与设备")]
    [InlineData(null, null, "教室与设备")]
    [InlineData("zh", "en-US", "教室与设备")]
    public async Task Language_Comes_From_The_Query_Then_Accept_Language_Then_Chinese(string? lang, string? acceptLanguage, string expected)
    {
        using var client = SignedIn(ApiFleetFixture.AuditorOwn);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/web/schools/{fleet.OwnSchool}" + (lang is null ? "" : $"?lang={lang}"), UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_Countys_Pages_Are_Not_Found_For_A_County_Token()
    {
        using var client = SignedIn(ApiFleetFixture.TechnicianOwn);

        using var school = await client.GetAsync(new Uri($"/web/schools/{fleet.OtherSchool}", UriKind.Relative));
        using var county = await client.GetAsync(new Uri($"/web/counties/{fleet.OtherCounty}", UriKind.Relative));
        using var device = await client.GetAsync(new Uri($"/web/schools/{fleet.OtherSchool}/devices/sw-core-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, school.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, county.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, device.StatusCode);
    }

    [Fact]
    public async Task Names_From_The_School_File_Are_Html_Encoded()
    {
        var school = RegistryTestData.NewSchool(fleet.OwnCounty);
        var store = fleet.Fleet.Services.GetRequiredService<RegistryStore>();
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(fleet.OwnCounty, school) with { Name = "<script>alert(1)</script>" }, DateTimeOffset.UtcNow);
        using var client = SignedIn(ApiFleetFixture.AdminAll);

        var html = await client.GetStringAsync(new Uri($"/web/counties/{fleet.OwnCounty}", UriKind.Relative));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Text_Exists_In_Both_Languages() =>
        Assert.All(WebText.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(WebText.Get(key, WebLanguage.Zh)), key);
            Assert.False(string.IsNullOrWhiteSpace(WebText.Get(key, WebLanguage.En)), key);
        });

    private HttpClient SignedIn(string token)
    {
        var client = new HttpClient { BaseAddress = fleet.Fleet.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"cf_token={token}");
        return client;
    }
}
