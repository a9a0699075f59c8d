using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Fleet.Tests.Api;

/// <summary>Issue 9: "no role can delete or edit" the audit log; not even an admin of every county finds a route that would.</summary>
[Collection(ApiFleetGroup.Name)]
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class AuditLogRoutesTests(ApiFleetFixture fleet)
{
    private static readonly string[] AuditUrls = ["/api/v1/audit-log", "/api/v1/audit-log/1", "/api/v1/audit-log/verify", "/api/v1/audit-log?seq=1"];

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task No_Method_But_Get_Reaches_The_Audit_Log_Even_For_An_Admin(string method)
    {
        using var client = fleet.Client(ApiFleetFixture.AdminAll);
        foreach (var url in AuditUrls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative))
            {
                Content = ApiAuthMatrixTests.Json("""{"seq":1,"actor":"nobody","result":"ok"}"""),
            };

            using var response = await client.SendAsync(request);

            Assert.True(
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{method} {url}: {(int)response.StatusCode} {response.StatusCode}");
        }

        using var verify = await client.GetAsync(new Uri("/api/v1/audit-log/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
    }

    [Fact]
    public void Every_Route_Of_The_Audit_Log_Is_Get_Only()
    {
        var routes = fleet.Fleet.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("audit-log", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
        {
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            Assert.True(methods is { Count: 1 } && HttpMethods.IsGet(methods[0]), $"{route.RoutePattern.RawText} answers {string.Join(',', methods ?? ["any method"])}");
        });
    }
}
