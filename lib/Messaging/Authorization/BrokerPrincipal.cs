namespace ClassroomFleet.Messaging.Authorization;

/// <summary>An authenticated broker user: its role and, for a school, its 10-digit school code.</summary>
public sealed record BrokerPrincipal(string UserName, BrokerRole Role, string? SchoolCode)
{
    /// <summary>
    /// A user name of exactly 10 ASCII digits is a school (its national school identification code), so that a
    /// mosquitto ACL can grant a school its own topics with one <c>pattern</c> line per topic (%u = the code);
    /// otherwise the role comes from the configured role list (fleet/admin), or is <see cref="BrokerRole.None"/>.
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
        var digits = userName.AsSpan();
        if (digits.Length != 10)
        {
            return false;
        }

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
