using System.Globalization;
using System.Net;
using System.Text;

namespace ClassroomFleet.Fleet.Web;

/// <summary>
/// Writes one server-rendered page: a shared layout with plain CSS and everything text-encoded. Internal links carry the
/// page language (<c>?lang=</c>) so that a chosen language sticks while clicking through.
/// </summary>
public sealed class HtmlPage
{
    private const string Css = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}
        header{background:#1f4e79;color:#fff;padding:.7rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
        header a{color:#fff}header .spacer{flex:1}
        main{padding:1rem 1.5rem;max-width:72rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}
        table{border-collapse:collapse;background:#fff;min-width:40rem}
        th,td{border:1px solid #d5dbe3;padding:.35rem .7rem;text-align:left}th{background:#e9eef4}
        .up{color:#1a7f37;font-weight:bold}.down{color:#b42318;font-weight:bold}.unknown{color:#6b7785}
        .note{color:#6b7785;font-size:.9rem}dl{display:grid;grid-template-columns:max-content auto;gap:.3rem 1rem}dt{font-weight:bold}
        form{background:#fff;padding:1rem;border:1px solid #d5dbe3;max-width:28rem}input[type=password]{width:100%;padding:.4rem}
        """;

    private readonly StringBuilder _body = new();

    public HtmlPage(WebLanguage language) => Language = language;

    public WebLanguage Language { get; }

    public string T(string key) => WebText.Get(key, Language);

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An internal URL with the page language.</summary>
    public string Url(string path) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + Language.Code();

    public string Link(string path, string text) => $"<a href=\"{Encode(Url(path))}\">{Encode(text)}</a>";

    public string Time(DateTimeOffset? time) =>
        time is { } t ? Encode(t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)) + " (UTC+8)" : Encode(T("never"));

    public HtmlPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    public HtmlPage Heading(int level, string text) => Raw($"<h{level}>{Encode(text)}</h{level}>");

    public HtmlPage Paragraph(string text, string? cssClass = null) =>
        Raw(cssClass is null ? $"<p>{Encode(text)}</p>" : $"<p class=\"{cssClass}\">{Encode(text)}</p>");

    /// <summary>A table; cells are HTML already encoded by the caller (use <see cref="Encode"/> or <see cref="Link"/>).</summary>
    public HtmlPage Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        _body.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            _body.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        _body.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append("<td>").Append(cell).Append("</td>");
            }

            _body.Append("</tr>");
        }

        _body.Append("</tbody></table>");
        return any ? this : Paragraph(T("none"), "note");
    }

    public IResult Render(string title, string path, int statusCode = StatusCodes.Status200OK, bool signedIn = true)
    {
        var other = Language == WebLanguage.En ? WebLanguage.Zh : WebLanguage.En;
        var html = new StringBuilder(_body.Length + 2048)
            .Append("<!DOCTYPE html><html lang=\"").Append(Language == WebLanguage.En ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Encode(title)).Append(" · ").Append(Encode(T("app")))
            .Append("</title><style>").Append(Css).Append("</style></head><body><header><strong>").Append(Encode(T("app"))).Append("</strong>");
        if (signedIn)
        {
            html.Append(Link(WebPaths.Counties, T("counties")));
        }

        html.Append("<span class=\"spacer\"></span>")
            .Append("<a id=\"lang-switch\" href=\"").Append(Encode(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + other.Code())).Append("\">")
            .Append(Encode(T("language"))).Append("</a>");
        if (signedIn)
        {
            html.Append(Link(WebPaths.Logout, T("logout")));
        }

        html.Append("</header><main>").Append(_body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
