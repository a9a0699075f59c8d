using System.Globalization;
using System.Security.Claims;
using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Fleet.Api;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Http;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Web;

/// <summary>
/// The web view: county overview → school (facts, rooms with their devices, agents, uplink) → device. Server-rendered
/// HTML, no scripts. Sign-in is the same API token, posted to a form (never taken from a URL) and kept in an HttpOnly,
/// SameSite=Strict cookie. Another county's pages answer 404, as the API does.
/// </summary>
public static class WebEndpoints
{
    public static IEndpointRouteBuilder MapFleetWeb(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Results.Redirect(WebPaths.Counties)).ExcludeFromDescription();
        var web = routes.MapGroup(WebPaths.Root).ExcludeFromDescription();
        web.MapGet("/login", LoginPage).AllowAnonymous();
        web.MapPost("/login", LoginPostAsync).AllowAnonymous().DisableAntiforgery();
        web.MapGet("/logout", Logout).AllowAnonymous();

        var pages = web.MapGroup("").RequireAuthorization(FleetPolicies.Read);
        pages.MapGet("/counties", CountiesAsync);
        pages.MapGet("/counties/{county}", CountyAsync);
        pages.MapGet("/schools/{school}", SchoolAsync);
        pages.MapGet("/schools/{school}/devices/{device}", DeviceAsync);
        return routes;
    }

    // Sign-in is POST only: a token in a URL would be kept in access logs, proxies and the browser's history.
    private static IResult LoginPage(HttpContext context, string? next, string? token) =>
        LoginForm(new HtmlPage(WebLanguageResolver.Resolve(context.Request)), next, failed: false, urlToken: token is not null);

    private static async Task<IResult> LoginPostAsync(HttpContext context, ApiTokenStore tokens, IOptions<AuthOptions> options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var page = new HtmlPage(WebLanguageResolver.Resolve(context.Request));
        return await SignInAsync(context, tokens, options.Value, form["token"].ToString(), form["next"].ToString(), page).ConfigureAwait(false);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, ApiTokenStore tokens, AuthOptions options, string token, string? next, HtmlPage page)
    {
        if (await tokens.FindAsync(token.Trim(), context.RequestAborted).ConfigureAwait(false) is null)
        {
            return LoginForm(page, next, failed: true);
        }

        context.Response.Cookies.Append(ApiTokenAuthenticationHandler.CookieName, token.Trim(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = WebPaths.Root,
            Expires = DateTimeOffset.UtcNow + options.CookieLifetime,
        });

        // Only a path of this site: never an open redirect.
        var target = next is { Length: > 0 } && next.StartsWith(WebPaths.Root + "/", StringComparison.Ordinal) && !next.StartsWith("//", StringComparison.Ordinal)
            ? next
            : page.Url(WebPaths.Counties);
        return Results.Redirect(target);
    }

    private static IResult LoginForm(HtmlPage page, string? next, bool failed, bool urlToken = false)
    {
        page.Heading(1, page.T("login"));
        if (failed)
        {
            page.Paragraph(page.T("login.bad"), "down");
        }

        if (urlToken)
        {
            page.Paragraph(page.T("login.no_url_token"), "down");
        }

        page.Raw($"<form method=\"post\" action=\"{HtmlPage.Encode(page.Url(WebPaths.Login))}\"><label>{HtmlPage.Encode(page.T("token"))}<br>" +
            "<input type=\"password\" name=\"token\" autocomplete=\"off\" required></label>" +
            $"<input type=\"hidden\" name=\"next\" value=\"{HtmlPage.Encode(next)}\"><p><button type=\"submit\">{HtmlPage.Encode(page.T("login"))}</button></p></form>");
        var status = failed ? StatusCodes.Status401Unauthorized : urlToken ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return page.Render(page.T("login"), WebPaths.Login, status, signedIn: false);
    }

    private static IResult Logout(HttpContext context)
    {
        context.Response.Cookies.Delete(ApiTokenAuthenticationHandler.CookieName, new CookieOptions { Path = WebPaths.Root });
        return Results.Redirect(WebPaths.Login);
    }

    private static async Task<IResult> CountiesAsync(HttpContext context, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var page = new HtmlPage(WebLanguageResolver.Resolve(context.Request));
        var counties = (await registry.ListCountiesAsync(cancellationToken).ConfigureAwait(false)).Where(c => user.CanSee(c.Code)).ToList();
        page.Heading(1, page.T("counties"));
        page.Table(
            [page.T("county"), page.T("schools"), page.T("last_seen")],
            counties.Select(c => new[] { page.Link(WebPaths.County(c.Code), c.Code), c.Schools.ToString(CultureInfo.InvariantCulture), page.Time(c.LastSeen) }));
        return page.Render(page.T("counties"), WebPaths.Counties);
    }

    private static async Task<IResult> CountyAsync(string county, HttpContext context, ClaimsPrincipal user, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var page = new HtmlPage(WebLanguageResolver.Resolve(context.Request));
        if (!ContractIdentifiers.IsCountyCode(county) || !user.CanSee(county) || await registry.GetCountyAsync(county, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound(page, WebPaths.County(county));
        }

        var schools = await registry.ListSchoolsAsync(county, cancellationToken).ConfigureAwait(false);
        page.Heading(1, $"{page.T("county")} {county}");
        page.Heading(2, page.T("schools"));
        page.Table(
            [page.T("name"), page.T("code"), page.T("category"), page.T("devices"), page.T("agents.online"), page.T("last_seen")],
            schools.Select(s => new[]
            {
                page.Link(WebPaths.School(s.Code), s.Name ?? s.Code), HtmlPage.Encode(s.Code), HtmlPage.Encode(Category(page, s.Category)),
                s.Devices.ToString(CultureInfo.InvariantCulture), s.AgentsOnline.ToString(CultureInfo.InvariantCulture), page.Time(s.LastSeen),
            }));
        return page.Render($"{page.T("county")} {county}", WebPaths.County(county));
    }

    private static async Task<IResult> SchoolAsync(
        string school, HttpContext context, ClaimsPrincipal user, RegistryQueries registry, ITelemetryReader telemetry, CancellationToken cancellationToken)
    {
        var page = new HtmlPage(WebLanguageResolver.Resolve(context.Request));
        if (await FleetApiEndpoints.VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return NotFound(page, WebPaths.School(school));
        }

        var devices = await DeviceViews.ReadAsync(school, registry, telemetry, cancellationToken).ConfigureAwait(false);
        var agents = await registry.ListAgentsOfSchoolAsync(school, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<UplinkFigures> uplink;
        try
        {
            uplink = await telemetry.GetUplinkAsync(school, TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxQueryException)
        {
            uplink = [];
        }

        var title = record.Name ?? record.Code;
        page.Raw($"<p class=\"note\">{page.Link(WebPaths.County(record.County), $"{page.T("county")} {record.County}")}</p>");
        page.Heading(1, title);
        page.Heading(2, page.T("facts"));
        page.Raw("<dl>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("code"))}</dt><dd>{HtmlPage.Encode(record.Code)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("category"))}</dt><dd>{HtmlPage.Encode(Category(page, record.Category))}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("classes"))}</dt><dd>{Count(page, record.Classes)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("teachers"))}</dt><dd>{Count(page, record.Teachers)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("students"))}</dt><dd>{Count(page, record.Students)}</dd>")
            .Raw("</dl>");

        page.Heading(2, page.T("rooms"));
        var roomNames = record.Rooms.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        page.Table(
            [page.T("room"), page.T("device"), page.T("kind"), page.T("status"), page.T("last_seen")],
            devices.OrderBy(d => d.Room ?? "\uffff", StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => new[]
            {
                HtmlPage.Encode(d.Room is { } room ? roomNames.GetValueOrDefault(room, room) : page.T("no_room")),
                page.Link(WebPaths.Device(school, d.Id), d.Id) + (d.InInventory ? "" : $" <span class=\"note\">({HtmlPage.Encode(page.T("not_in_file"))})</span>"),
                HtmlPage.Encode(d.Kind), Health(page, d.Health), page.Time(d.LastSeen ?? d.Health?.Time),
            }));

        page.Heading(2, page.T("agents"));
        page.Table(
            [page.T("name"), page.T("status"), page.T("version"), page.T("outbox"), page.T("last_seen")],
            agents.Select(a => new[]
            {
                HtmlPage.Encode(a.Id),
                a.Online switch { true => $"<span class=\"up\">{HtmlPage.Encode(page.T("online"))}</span>", false => $"<span class=\"down\">{HtmlPage.Encode(page.T("offline"))}</span>", _ => $"<span class=\"unknown\">{HtmlPage.Encode(page.T("unknown"))}</span>" },
                HtmlPage.Encode(a.Version), HtmlPage.Encode(a.OutboxDepth?.ToString(CultureInfo.InvariantCulture)), page.Time(a.LastSeen),
            }));

        page.Heading(2, page.T("uplink"));
        page.Table(
            [page.T("interface"), page.T("in_last"), page.T("out_last"), page.T("in_mean"), page.T("out_mean")],
            uplink.Select(u => new[] { HtmlPage.Encode(u.Interface), Mbps(u.InBpsLast), Mbps(u.OutBpsLast), Mbps(u.InBpsMean), Mbps(u.OutBpsMean) }));
        return page.Render(title, WebPaths.School(school));
    }

    private static async Task<IResult> DeviceAsync(
        string school, string device, HttpContext context, ClaimsPrincipal user, RegistryQueries registry, ITelemetryReader telemetry, CancellationToken cancellationToken)
    {
        var page = new HtmlPage(WebLanguageResolver.Resolve(context.Request));
        if (await FleetApiEndpoints.VisibleSchoolAsync(school, user, registry, cancellationToken).ConfigureAwait(false) is not { } record
            || (await DeviceViews.ReadAsync(school, registry, telemetry, cancellationToken).ConfigureAwait(false)).FirstOrDefault(d => d.Id == device) is not { } view)
        {
            return NotFound(page, WebPaths.Device(school, device));
        }

        page.Raw($"<p class=\"note\">{page.Link(WebPaths.County(record.County), $"{page.T("county")} {record.County}")} › {page.Link(WebPaths.School(school), record.Name ?? school)}</p>");
        page.Heading(1, $"{page.T("device")} {view.Id}");
        page.Raw("<dl>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("kind"))}</dt><dd>{HtmlPage.Encode(view.Kind)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("room"))}</dt><dd>{HtmlPage.Encode(view.Room ?? page.T("no_room"))}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("status"))}</dt><dd id=\"device-status\">{Health(page, view.Health)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("poll_ms"))}</dt><dd>{HtmlPage.Encode(view.Health?.PollMs?.ToString("0.#", CultureInfo.InvariantCulture))}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("error"))}</dt><dd>{HtmlPage.Encode(view.Health?.Error)}</dd>")
            .Raw($"<dt>{HtmlPage.Encode(page.T("last_seen"))}</dt><dd>{page.Time(view.Health?.Time ?? view.LastSeen)}</dd>")
            .Raw("</dl>");
        return page.Render($"{page.T("device")} {view.Id}", WebPaths.Device(school, device));
    }

    private static IResult NotFound(HtmlPage page, string path) =>
        page.Paragraph(page.T("not_found")).Render(page.T("not_found"), path, StatusCodes.Status404NotFound);

    private static string Category(HtmlPage page, string? category) => category is null ? "" : page.T("category." + category);

    private static string Count(HtmlPage page, Contracts.Messages.DatedCount? count) =>
        count is null ? "" : HtmlPage.Encode($"{count.Count} ({page.T("as_of")} {count.AsOf:yyyy-MM-dd}{(count.Source is null ? "" : ", " + count.Source)})");

    private static string Health(HtmlPage page, DeviceHealth? health) => health?.Up switch
    {
        true => $"<span class=\"up\">{HtmlPage.Encode(page.T("up"))}</span>",
        false => $"<span class=\"down\">{HtmlPage.Encode(page.T("down"))}</span>",
        _ => $"<span class=\"unknown\">{HtmlPage.Encode(page.T("unknown"))}</span>",
    };

    private static string Mbps(double? bps) => bps is { } value ? HtmlPage.Encode((value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " Mbit/s") : "";
}
