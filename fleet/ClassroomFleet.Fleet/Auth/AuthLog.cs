namespace ClassroomFleet.Fleet.Auth;

/// <summary>Log messages of API authentication: event ids 3700–3719.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 3700, Level = LogLevel.Warning, Message = "Request to {Path} presented an unknown or revoked token")]
    public static partial void UnknownToken(this ILogger logger, string path);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Token {TokenId} created by {CreatedBy}: {Description}")]
    public static partial void TokenCreated(this ILogger logger, string tokenId, string createdBy, string description);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Information, Message = "Token {TokenId} revoked by {RevokedBy}")]
    public static partial void TokenRevoked(this ILogger logger, string tokenId, string revokedBy);
}
