using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClassroomFleet.Fleet.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Api;

[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class TokenApiTests(ApiFleetFixture fleet)
{
    [Fact]
    public async Task An_Admin_Creates_A_County_Auditor_Token_That_Works_Once_Stored_Only_As_A_Hash_And_Stops_When_Revoked()
    {
        using var admin = fleet.Client(ApiFleetFixture.AdminAll);
        using var created = await admin.PostAsync(
            new Uri("/api/v1/tokens", UriKind.Relative), ApiAuthMatrixTests.Json($$"""{"name":"auditor for test","role":"Auditor","county":"{{fleet.OwnCounty}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);

        using (var auditor = fleet.Client(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri($"/api/v1/schools/{fleet.OtherSchool}", UriKind.Relative))).StatusCode);
        }

        var listed = await admin.GetStringAsync(new Uri("/api/v1/tokens", UriKind.Relative));
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokens.Hash(token), listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative))).StatusCode);
        using var revoked = fleet.Client(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync(new Uri($"/api/v1/schools/{fleet.OwnSchool}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_County_Admin_Cannot_Create_Tokens_For_Another_County_Or_For_All()
    {
        using var admin = fleet.Client(ApiFleetFixture.AdminOwn);

        using var other = await admin.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), ApiAuthMatrixTests.Json($$"""{"name":"x","role":"Auditor","county":"{{fleet.OtherCounty}}"}"""));
        using var all = await admin.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), ApiAuthMatrixTests.Json("""{"name":"x","role":"Admin","county":""}"""));
        using var bad = await admin.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), ApiAuthMatrixTests.Json("""{"name":"","role":"Auditor","county":null}"""));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("name", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_Tokens_Are_Declared_By_Hash_And_A_Plain_Token_In_Config_Is_Refused()
    {
        var validator = new AuthOptionsValidator();
        var options = new AuthOptions();
        options.Tokens.Add(new ConfiguredToken { Name = "a", Sha256 = ApiTokens.Hash("x"), Role = ApiRole.Admin });
        options.Tokens.Add(new ConfiguredToken { Name = "", Sha256 = "cft_plain-token", Role = ApiRole.Auditor, County = "41" });

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Auth:Tokens:1:Name is required", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Tokens:1:Sha256", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Tokens:1:County", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains(":0:", StringComparison.Ordinal));
        _ = fleet.Fleet.Services.GetRequiredService<ApiTokenStore>();
    }
}
