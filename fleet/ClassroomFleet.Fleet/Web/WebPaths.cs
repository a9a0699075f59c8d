namespace ClassroomFleet.Fleet.Web;

/// <summary>The web view's routes.</summary>
public static class WebPaths
{
    public const string Root = "/web";
    public const string Login = "/web/login";
    public const string Logout = "/web/logout";
    public const string Counties = "/web/counties";

    public static string County(string county) => $"/web/counties/{county}";

    public static string School(string school) => $"/web/schools/{school}";

    public static string Device(string school, string device) => $"/web/schools/{school}/devices/{device}";
}
