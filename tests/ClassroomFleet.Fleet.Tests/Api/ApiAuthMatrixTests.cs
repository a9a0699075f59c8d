using System.Net;

namespace ClassroomFleet.Fleet.Tests.Api;

/// <summary>Each role against its own county and another county: another county's resources are 404, exactly like missing ones.</summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class ApiAuthMatrixTests(ApiFleetFixture fleet)
{
    public static TheoryData<string> ScopedTokens() => [ApiFleetFixture.AdminOwn, ApiFleetFixture.TechnicianOwn, ApiFleetFixture.AuditorOwn];

    public static TheoryData<string> AllTokens() => [ApiFleetFixture.AdminAll, ApiFleetFixture.AdminOwn, ApiFleetFixture.TechnicianOwn, ApiFleetFixture.AuditorOwn];

    private string[] OwnUrls => [
        $"/api/v1/counties/{fleet.OwnCounty}/schools",
        $"/api/v1/counties/{fleet.OwnCounty}/agents",
        $"/api/v1/schools/{fleet.OwnSchool}",
        $"/api/v1/schools/{fleet.OwnSchool}/devices",
        $"/api/v1/schools/{fleet.OwnSchool}/uplink",
        $"/api/v1/schools/{fleet.OwnSchool}/agents",
    ];

    private string[] OtherUrls => [
        $"/api/v1/counties/{fleet.OtherCounty}/schools",
        $"/api/v1/counties/{fleet.OtherCounty}/agents",
        $"/api/v1/schools/{fleet.OtherSchool}",
        $"/api/v1/schools/{fleet.OtherSchool}/devices",
        $"/api/v1/schools/{fleet.OtherSchool}/uplink",
        $"/api/v1/schools/{fleet.OtherSchool}/agents",
    ];

    [Theory]
    [MemberData(nameof(AllTokens))]
    public async Task Every_Role_Reads_Its_Own_County(string token)
    {
        using var client = fleet.Client(token);
        foreach (var url in OwnUrls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(ScopedTokens))]
    public async Task A_County_Token_Gets_404_For_Another_County_The_Same_As_For_A_School_That_Does_Not_Exist(string token)
    {
        using var client = fleet.Client(token);
        foreach (var url in OtherUrls.Append("/api/v1/schools/1234567890").Append("/api/v1/counties/123456/schools"))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }

        var counties = await client.GetStringAsync(new Uri("/api/v1/counties", UriKind.Relative));
        Assert.Contains(fleet.OwnCounty, counties, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.OtherCounty, counties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Admin_Of_Every_County_Reads_Another_County()
    {
        using var client = fleet.Client(ApiFleetFixture.AdminAll);
        foreach (var url in OtherUrls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cft_not-a-known-token")]
    public async Task Without_A_Valid_Token_The_Api_Answers_401_With_A_Bearer_Challenge(string? token)
    {
        using var client = fleet.Client(token);

        using var response = await client.GetAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData(ApiFleetFixture.TechnicianOwn)]
    [InlineData(ApiFleetFixture.AuditorOwn)]
    public async Task Only_Admins_Manage_Tokens(string token)
    {
        using var client = fleet.Client(token);

        using var list = await client.GetAsync(new Uri("/api/v1/tokens", UriKind.Relative));
        using var create = await client.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), Json("""{"name":"x","role":"Auditor","county":null}"""));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
