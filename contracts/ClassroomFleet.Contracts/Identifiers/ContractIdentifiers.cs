namespace ClassroomFleet.Contracts.Identifiers;

/// <summary>
/// Checks the identifiers of contract v1: county = 6-digit administrative division code (GB/T 2260),
/// school = 10-digit national school identification code (学校标识码), device = an id unique within its school.
/// </summary>
public static class ContractIdentifiers
{
    public const int CountyCodeLength = 6;
    public const int SchoolCodeLength = 10;
    public const int MaxDeviceIdLength = 64;

    public static bool IsCountyCode(ReadOnlySpan<char> value) => value.Length == CountyCodeLength && AllDigits(value);

    public static bool IsSchoolCode(ReadOnlySpan<char> value) => value.Length == SchoolCodeLength && AllDigits(value);

    /// <summary>
    /// A device id is 1–64 characters of [a-z0-9._-], starting with a letter or digit, so that it is safe as an MQTT
    /// topic level (no '/', '+', '#') and as an InfluxDB tag value without surprises.
    /// </summary>
    public static bool IsDeviceId(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxDeviceIdLength || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
