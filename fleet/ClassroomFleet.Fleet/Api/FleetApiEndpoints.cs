using System.Security.Claims;
using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClassroomFleet.Fleet.Api;

/// <summary>
/// The read API under <c>/api/v1</c> (any valid token) and token management (admins). Everything is limited to the
/// caller's county: a county, school or device of another county answers 404 exactly as one that does not exist.
/// </summary>
public static class FleetApiEndpoints
{
    public const int DefaultUplinkWindowMinutes = 60;
    public const int MaxUplinkWindowMinutes = 7 * 24 * 60;

    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireAuthorization(FleetPolicies.Read).WithTags("registry");
        api.MapGet("/counties", ListCountiesAsync).WithName("ListCounties").WithSummary("Counties visible to the token");
        api.MapGet("/counties/{county}/schools", ListSchoolsAsync).WithName("ListSchools").WithSummary("Schools of a county");
        api.MapGet("/counties/{county}/agents", ListCountyAgentsAsync).WithName("ListCountyAgents").WithSummary("Agents of a county: version, online, last seen, outbox depth");
        api.MapGet("/schools/{school}", GetSchoolAsync).WithName("GetSchool").WithSummary("One school with its school-file facts and rooms");
        api.MapGet("/schools/{school}/devices", ListDevicesAsync).WithName("ListDevices").WithSummary("Devices of a school with their last health point");
        api.MapGet("/schools/{school}/uplink", GetUplinkAsync).WithName("GetUplink").WithSummary("Uplink bandwidth: last sample, mean and peak over a window (minutes)");
        api.MapGet("/schools/{school}/agents", ListSchoolAgentsAsync).WithName("ListSchoolAgents").WithSummary("Agents of a school");

        var tokens = routes.MapGroup("/api/v1/tokens").RequireAuthorization(FleetPolicies.ManageTokens).WithTags("tokens");
        tokens.MapPost("/", CreateTokenAsync).WithName("CreateToken").WithSummary("Create an API token (admin); the token is returned once");
        tokens.MapGet("/", ListTokensAsync).WithName("ListTokens").WithSummary("Tokens created through the API (admin)");
        tokens.MapDelete("/{id}", RevokeTokenAsync).WithName("RevokeToken").WithSummary("Revoke a token (admin)");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CountyRecord>>> ListCountiesAsync(ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var counties = await registry.ListCountiesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<CountyRecord>>([.. counties.Where(c => user.CanSee(c.Code))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<SchoolSummary>>, NotFound>> ListSchoolsAsync(
        string county, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        if (!user.CanSee(county) || await registry.GetCountyAsync(county, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await registry.ListSchoolsAsync(county, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentRecord>>, NotFound>> ListCountyAgentsAsync(
        string county, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        if (!user.CanSee(county) || await registry.GetCountyAsync(county, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await registry.ListAgentsOfCountyAsync(county, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<SchoolRecord>, NotFound>> GetSchoolAsync(
        string school, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken) =>
        await VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<DeviceView>>, NotFound>> ListDevicesAsync(
        string school, ClaimsPrincipal user, RegistryQueries registry, ITelemetryReader telemetry, CancellationToken cancellationToken)
    {
        if (await VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await DeviceViews.ReadAsync(school, registry, telemetry, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<UplinkView>, NotFound, BadRequest<ApiError>>> GetUplinkAsync(
        string school, int? minutes, ClaimsPrincipal user, RegistryQueries registry, ITelemetryReader telemetry, CancellationToken cancellationToken)
    {
        var window = minutes ?? DefaultUplinkWindowMinutes;
        if (window is < 1 or > MaxUplinkWindowMinutes)
        {
            return TypedResults.BadRequest(new ApiError($"minutes must be between 1 and {MaxUplinkWindowMinutes}"));
        }

        if (await VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var figures = await telemetry.GetUplinkAsync(school, TimeSpan.FromMinutes(window), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new UplinkView(school, window, figures));
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentRecord>>, NotFound>> ListSchoolAgentsAsync(
        string school, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        if (await VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await registry.ListAgentsOfSchoolAsync(school, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Created<CreatedToken>, BadRequest<ApiError>>> CreateTokenAsync(
        CreateTokenRequest request, ClaimsPrincipal user, ApiTokenStore tokens, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var county = string.IsNullOrEmpty(request.County) ? null : request.County;
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return TypedResults.BadRequest(new ApiError("name is required (at most 100 characters)"));
        }

        if (!Enum.IsDefined(request.Role))
        {
            return TypedResults.BadRequest(new ApiError("role must be Admin, Technician or Auditor"));
        }

        if (county is not null && !ContractIdentifiers.IsCountyCode(county))
        {
            return TypedResults.BadRequest(new ApiError("county must be a 6-digit county code or empty"));
        }

        // A county admin hands out tokens of its own county only.
        if (user.CountyOf() is { } own && !string.Equals(own, county, StringComparison.Ordinal))
        {
            return TypedResults.BadRequest(new ApiError($"this token may only create tokens for county {own}"));
        }

        var createdBy = user.FindFirst(FleetClaims.TokenId)?.Value ?? "unknown";
        var (token, secret) = await tokens.CreateAsync(request.Name.Trim(), request.Role, county, createdBy, cancellationToken).ConfigureAwait(false);
        var description = ApiTokenStore.Describe(new TokenIdentity(token.Id, token.Name, token.Role, token.County));
        loggers.CreateLogger(typeof(FleetApiEndpoints)).TokenCreated(token.Id, createdBy, description);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedToken(token.Id, token.Name, token.Role, token.County, secret));
    }

    private static async Task<Ok<IReadOnlyList<StoredToken>>> ListTokensAsync(ClaimsPrincipal user, ApiTokenStore tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(user.CountyOf(), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(
        string id, ClaimsPrincipal user, ApiTokenStore tokens, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(id, user.CountyOf(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        loggers.CreateLogger(typeof(FleetApiEndpoints)).TokenRevoked(id, user.FindFirst(FleetClaims.TokenId)?.Value ?? "unknown");
        return TypedResults.NoContent();
    }

    /// <summary>The school if it exists and lies in the caller's county; null otherwise (both answer 404).</summary>
    internal static async Task<SchoolRecord?> VisibleSchoolAsync(string school, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        if (!ContractIdentifiers.IsSchoolCode(school))
        {
            return null;
        }

        var record = await registry.GetSchoolAsync(school, cancellationToken).ConfigureAwait(false);
        return record is not null && user.CanSee(record.County) ? record : null;
    }
}
