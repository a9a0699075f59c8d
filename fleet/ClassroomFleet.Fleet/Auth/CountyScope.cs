using System.Security.Claims;

namespace ClassroomFleet.Fleet.Auth;

/// <summary>
/// What county a caller may see. A token carries at most one county (claim <see cref="FleetClaims.County"/>); without it
/// the token sees every county. A resource outside the scope is reported as not found (404), never forbidden (403):
/// a 403 would confirm that the school exists.
/// </summary>
public static class CountyScope
{
    public static string? CountyOf(this ClaimsPrincipal user) => user.FindFirst(FleetClaims.County)?.Value;

    public static bool CanSee(this ClaimsPrincipal user, string county) =>
        user.CountyOf() is not { } scope || string.Equals(scope, county, StringComparison.Ordinal);

    public static ApiRole? RoleOf(this ClaimsPrincipal user) =>
        Enum.TryParse<ApiRole>(user.FindFirst(ClaimTypes.Role)?.Value, ignoreCase: false, out var role) ? role : null;
}
