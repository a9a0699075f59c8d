using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using ClassroomFleet.Fleet.Web;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c>, or the web view's cookie holding the same token. An unknown
/// token fails authentication (401); no token means anonymous (401 on protected endpoints, a redirect to the login
/// form for web pages).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string CookieName = "cf_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            token = cookie;
        }

        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.FindAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (identity is null)
        {
            Logger.UnknownToken(Request.Path);
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, identity.Name),
            new(ClaimTypes.Role, identity.Role.ToString()),
            new(FleetClaims.TokenId, identity.Id),
        };
        if (identity.County is { } county)
        {
            claims.Add(new Claim(FleetClaims.County, county));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Web pages send the browser to the login form; the API answers 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Path.StartsWithSegments(WebPaths.Root, StringComparison.Ordinal))
        {
            Response.Redirect(WebPaths.Login + QueryString.Create("next", Request.Path + Request.QueryString));
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
