namespace ClassroomFleet.Messaging.Authorization;

/// <summary>An authenticated broker user: its role and, for a school, its 10-digit school code.</summary>
public sealed record BrokerPrincipal(string UserName, BrokerRole Role, string? SchoolCode)
{
    public const string SchoolUserPrefix = "school-";

    /// <summary>
    /// <c>school-</c> followed by exactly 10 ASCII digits is a school; otherwise the role comes from the configured
    /// role list (fleet/admin), or is <see cref="BrokerRole.None"/>.
    /// </summary>
    public static BrokerPrincipal For(string userName, IReadOnlyDictionary<string, BrokerRole>? roles = null)
    {
        if (TrySchoolCode(userName, out var code))
        {
            return new BrokerPrincipal(userName, BrokerRole.School, code);
        }

        var role = roles is not null && roles.TryGetValue(userName, out var configured) && configured != BrokerRole.School
            ? configured
            : BrokerRole.None;
        return new BrokerPrincipal(userName, role, null);
    }

    public static bool TrySchoolCode(string userName, out string code)
    {
        code = "";
        var span = userName.AsSpan();
        if (span.Length != SchoolUserPrefix.Length + 10 || !span.StartsWith(SchoolUserPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = span[SchoolUserPrefix.Length..];
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        code = digits.ToString();
        return true;
    }
}
