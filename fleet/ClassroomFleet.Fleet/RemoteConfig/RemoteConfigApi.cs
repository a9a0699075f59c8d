using System.Security.Claims;
using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Commands;
using ClassroomFleet.Fleet.Rollouts;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// The remote-configuration API under <c>/api/v1</c>. Reads need <see cref="FleetPolicies.Read"/>; pushes, rollouts and
/// commands need <see cref="FleetPolicies.PushConfig"/>; a target outside the token's county scope is not found (404,
/// as everywhere in the API: a 403 would confirm that the school exists). There is deliberately no endpoint that changes
/// or removes audit entries.
/// </summary>
public static class RemoteConfigApi
{
    public static IEndpointRouteBuilder MapRemoteConfigApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/config/signing-key", GetSigningKey).RequireAuthorization(FleetPolicies.Read).WithName("GetConfigSigningKey");
        api.MapGet("/config/{county}/{school}", GetConfigAsync).RequireAuthorization(FleetPolicies.Read).WithName("GetSchoolConfig");
        api.MapPut("/config/{county}/{school}", PushConfigAsync).RequireAuthorization(FleetPolicies.PushConfig).WithName("PushSchoolConfig");
        api.MapPut("/config/{county}/{school}/tags", SetTagsAsync).RequireAuthorization(FleetPolicies.PushConfig).WithName("SetSchoolTags");
        api.MapPost("/rollouts", CreateRolloutAsync).RequireAuthorization(FleetPolicies.PushConfig).WithName("CreateRollout");
        api.MapGet("/rollouts", ListRolloutsAsync).RequireAuthorization(FleetPolicies.Read).WithName("ListRollouts");
        api.MapGet("/rollouts/{id}", GetRolloutAsync).RequireAuthorization(FleetPolicies.Read).WithName("GetRollout");
        api.MapPost("/rollouts/{id}/halt", HaltRolloutAsync).RequireAuthorization(FleetPolicies.PushConfig).WithName("HaltRollout");
        api.MapPost("/commands", SendCommandAsync).RequireAuthorization(FleetPolicies.PushConfig).WithName("SendCommand");
        api.MapGet("/commands", ListCommandsAsync).RequireAuthorization(FleetPolicies.Read).WithName("ListCommands");
        api.MapGet("/commands/{id}", GetCommandAsync).RequireAuthorization(FleetPolicies.Read).WithName("GetCommand");
        api.MapGet("/audit-log", QueryAuditAsync).RequireAuthorization(FleetPolicies.Read).WithName("QueryAuditLog");
        api.MapGet("/audit-log/verify", VerifyAuditAsync).RequireAuthorization(FleetPolicies.Read).WithName("VerifyAuditLog");
        return endpoints;
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    private static bool Valid(string county, string school) => ContractIdentifiers.IsCountyCode(county) && ContractIdentifiers.IsSchoolCode(school);

    private static async Task<IResult> GetConfigAsync(string county, string school, ClaimsPrincipal user, ConfigStore store, HttpResponse response, CancellationToken ct)
    {
        if (!Valid(county, school))
        {
            return Results.BadRequest(new { error = "county or school code is malformed" });
        }

        if (!user.CanSee(county))
        {
            return Results.NotFound();
        }

        var desired = await store.GetDesiredAsync(county, school, ct).ConfigureAwait(false);
        response.Headers.ETag = VersionTag.Of(desired?.Version ?? 0);
        return Results.Ok(new SchoolConfigView(
            desired,
            await store.GetReportedAsync(county, school, ct).ConfigureAwait(false),
            await store.GetTagsAsync(county, school, ct).ConfigureAwait(false)));
    }

    private static async Task<IResult> PushConfigAsync(string county, string school, PushRequest body, ClaimsPrincipal user, ConfigPushService push, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (!Valid(county, school) || body is null || string.IsNullOrEmpty(body.SchoolFile))
        {
            return Results.BadRequest(new { error = "county or school code is malformed, or no school_file in the body" });
        }

        // The version the edit started from: If-Match (the ETag of the GET) or base_version in the body.
        long? baseVersion = body.BaseVersion;
        if (request.Headers.IfMatch.Count > 0)
        {
            if (VersionTag.Parse(request.Headers.IfMatch.ToString()) is not { } tagged || (baseVersion is { } stated && stated != tagged))
            {
                return Results.BadRequest(new { error = "If-Match must be the ETag of GET /api/v1/config/{county}/{school} (and agree with base_version)" });
            }

            baseVersion = tagged;
        }

        if (baseVersion is null)
        {
            return Results.Json(new { error = "say which version the edit started from: If-Match or base_version" }, statusCode: StatusCodes.Status428PreconditionRequired);
        }

        if (!user.CanSee(county))
        {
            await audit.AppendAsync(Actor(user), "config.push", $"{county}/{school}", null, null, "not_found", "outside the token's county", ct).ConfigureAwait(false);
            return Results.NotFound();
        }

        var outcome = await push.PushAsync(county, school, baseVersion.Value, body.SchoolFile, body.Agent, Actor(user), null, ct).ConfigureAwait(false);
        if (outcome.Accepted)
        {
            request.HttpContext.Response.Headers.ETag = VersionTag.Of(outcome.CurrentVersion);
            return Results.Ok(new { version = outcome.CurrentVersion });
        }

        return outcome.Problem!.StartsWith("the base version", StringComparison.Ordinal)
            ? Results.Conflict(new { error = outcome.Problem, current_version = outcome.CurrentVersion })
            : Results.UnprocessableEntity(new { error = outcome.Problem, current_version = outcome.CurrentVersion });
    }

    private static async Task<IResult> SetTagsAsync(string county, string school, TagsRequest body, ClaimsPrincipal user, ConfigStore store, AuditLog audit, CancellationToken ct)
    {
        if (!Valid(county, school) || body?.Tags is null || body.Tags.Any(t => !ContractIdentifiers.IsDeviceId(t)))
        {
            return Results.BadRequest(new { error = "tags are 1-64 characters of a-z 0-9 - _ ." });
        }

        if (!user.CanSee(county))
        {
            return Results.NotFound();
        }

        await store.SetTagsAsync(county, school, body.Tags, ct).ConfigureAwait(false);
        await audit.AppendAsync(Actor(user), "config.tags", $"{county}/{school}", null, null, "ok", string.Join(',', body.Tags), ct).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateRolloutAsync(RolloutRequest body, ClaimsPrincipal user, RolloutEngine engine, CancellationToken ct)
    {
        if (body is null || !ContractIdentifiers.IsCountyCode(body.County))
        {
            return Results.BadRequest(new { error = "county code is malformed" });
        }

        if (!user.CanSee(body.County))
        {
            return Results.NotFound();
        }

        var (rollout, problem) = await engine.CreateAsync(body, Actor(user), ct).ConfigureAwait(false);
        return rollout is null ? Results.UnprocessableEntity(new { error = problem }) : Results.Created($"/api/v1/rollouts/{rollout.Id}", rollout);
    }

    private static async Task<IResult> ListRolloutsAsync(ClaimsPrincipal user, RolloutEngine engine, CancellationToken ct) =>
        Results.Ok(await engine.ListAsync(user.CountyOf(), ct).ConfigureAwait(false));

    private static async Task<IResult> GetRolloutAsync(string id, ClaimsPrincipal user, RolloutEngine engine, CancellationToken ct)
    {
        var rollout = await engine.GetAsync(id, ct).ConfigureAwait(false);
        return rollout is null || !user.CanSee(rollout.County) ? Results.NotFound() : Results.Ok(rollout);
    }

    private static async Task<IResult> HaltRolloutAsync(string id, ClaimsPrincipal user, RolloutEngine engine, CancellationToken ct)
    {
        var rollout = await engine.GetAsync(id, ct).ConfigureAwait(false);
        if (rollout is null || !user.CanSee(rollout.County))
        {
            return Results.NotFound();
        }

        var halted = await engine.HaltAsync(id, Actor(user), $"halted by {Actor(user)}", ct).ConfigureAwait(false);
        return halted ? Results.Ok(await engine.GetAsync(id, ct).ConfigureAwait(false)) : Results.Conflict(new { error = $"rollout is {rollout.State}" });
    }

    private static async Task<IResult> SendCommandAsync(CommandRequest body, ClaimsPrincipal user, CommandService commands, CancellationToken ct)
    {
        if (body is null || !Valid(body.County, body.School))
        {
            return Results.BadRequest(new { error = "county or school code is malformed" });
        }

        if (!user.CanSee(body.County))
        {
            return Results.NotFound();
        }

        var (command, problem, forbidden) = await commands.SendAsync(body, Actor(user), user.RoleOf(), ct).ConfigureAwait(false);
        if (command is not null)
        {
            return Results.Accepted($"/api/v1/commands/{command.Id}", command);
        }

        return forbidden ? Results.Json(new { error = problem }, statusCode: StatusCodes.Status403Forbidden) : Results.BadRequest(new { error = problem });
    }

    private static async Task<IResult> ListCommandsAsync(string county, string? school, ClaimsPrincipal user, CommandService commands, CancellationToken ct) =>
        !ContractIdentifiers.IsCountyCode(county) ? Results.BadRequest(new { error = "county code is malformed" })
        : !user.CanSee(county) ? Results.NotFound()
        : Results.Ok(await commands.ListAsync(county, school, ct).ConfigureAwait(false));

    private static IResult GetSigningKey(ConfigSigningKey key) =>
        Results.Text(key.PublicKeyPem() + "\n", "application/x-pem-file");

    private static async Task<IResult> GetCommandAsync(string id, ClaimsPrincipal user, CommandService commands, CancellationToken ct)
    {
        var command = await commands.GetAsync(id, ct).ConfigureAwait(false);
        return command is null || !user.CanSee(command.County) ? Results.NotFound() : Results.Ok(command);
    }

    private static async Task<IResult> QueryAuditAsync(ClaimsPrincipal user, AuditLog audit, string? county, string? actor, string? action, int? limit, CancellationToken ct)
    {
        var scope = user.CountyOf();
        if (scope is not null && county is not null && county != scope)
        {
            return Results.NotFound();
        }

        return Results.Ok(await audit.QueryAsync(scope ?? county, actor, action, limit ?? 100, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> VerifyAuditAsync(AuditLog audit, CancellationToken ct) =>
        Results.Ok(await audit.VerifyAsync(ct).ConfigureAwait(false));

    /// <summary>The body of a push: the version the edit started from, and the whole school file.</summary>
    public sealed record PushRequest(
        [property: JsonPropertyName("base_version")] long? BaseVersion,
        [property: JsonPropertyName("school_file")] string SchoolFile,
        [property: JsonPropertyName("agent")] Contracts.Messages.ConfigAgentSettings? Agent = null);

    public sealed record TagsRequest([property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
}
