namespace ClassroomFleet.Fleet.Web;

/// <summary>The page language: Chinese by default, English on request.</summary>
public enum WebLanguage
{
    Zh,
    En,
}

/// <summary>Picks the language: <c>?lang=en|zh</c> first, then the Accept-Language header (RFC 9110 §12.5.4, first range wins), else Chinese.</summary>
public static class WebLanguageResolver
{
    public static WebLanguage Resolve(HttpRequest request)
    {
        var query = request.Query["lang"].ToString();
        if (query.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            return WebLanguage.En;
        }

        if (query.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return WebLanguage.Zh;
        }

        var accept = request.Headers.AcceptLanguage.ToString();
        var first = accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? WebLanguage.En : WebLanguage.Zh;
    }

    public static string Code(this WebLanguage language) => language == WebLanguage.En ? "en" : "zh";
}
