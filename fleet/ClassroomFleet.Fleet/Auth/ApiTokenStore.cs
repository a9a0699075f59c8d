using System.Globalization;
using ClassroomFleet.Fleet.Registry;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Auth;

/// <summary>
/// Resolves presented tokens against the configured ones (<c>Auth:Tokens</c>) and those created through the API (table
/// <c>api_tokens</c> in the registry). Only SHA-256 hashes are compared or stored.
/// </summary>
public sealed class ApiTokenStore
{
    private readonly RegistryDatabase _database;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, TokenIdentity> _configured;

    public ApiTokenStore(RegistryDatabase database, IOptions<AuthOptions> options, TimeProvider time)
    {
        _database = database;
        _time = time;
        _configured = new Dictionary<string, TokenIdentity>(StringComparer.Ordinal);
        foreach (var token in options.Value.Tokens)
        {
            _configured[token.Sha256.ToLowerInvariant()] = new TokenIdentity(
                "config:" + token.Name, token.Name, token.Role, string.IsNullOrEmpty(token.County) ? null : token.County);
        }
    }

    public async Task<TokenIdentity?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ApiTokens.Hash(token);
        if (_configured.TryGetValue(hash, out var identity))
        {
            return identity;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id, name, role, county FROM api_tokens WHERE sha256 = @hash AND revoked_ms IS NULL")
            .With("@hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new TokenIdentity(reader.GetString(0), reader.GetString(1), Enum.Parse<ApiRole>(reader.GetString(2)), reader.NullableString(3))
            : null;
    }

    /// <summary>Creates a token and returns it in clear text: the only time it exists outside its holder's hands.</summary>
    public async Task<(StoredToken Token, string Secret)> CreateAsync(string name, ApiRole role, string? county, string createdBy, CancellationToken cancellationToken = default)
    {
        var secret = ApiTokens.NewToken();
        var id = Guid.NewGuid().ToString("N");
        var created = _time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
                "INSERT INTO api_tokens (id, name, sha256, role, county, created_ms, created_by) VALUES (@id, @name, @hash, @role, @county, @created, @by)")
            .With("@id", id).With("@name", name).With("@hash", ApiTokens.Hash(secret)).With("@role", role.ToString())
            .With("@county", county).With("@created", created.ToUnixTimeMilliseconds()).With("@by", createdBy);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (new StoredToken(id, name, role, county, DateTimeOffset.FromUnixTimeMilliseconds(created.ToUnixTimeMilliseconds()), createdBy, null), secret);
    }

    /// <summary>Tokens created through the API; those of one county when <paramref name="county"/> is set.</summary>
    public async Task<IReadOnlyList<StoredToken>> ListAsync(string? county, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Two texts rather than "@county IS NULL OR …": PostgreSQL cannot type an untyped null parameter there.
        await using var command = county is null
            ? connection.Command("SELECT id, name, role, county, created_ms, created_by, revoked_ms FROM api_tokens ORDER BY created_ms, id")
            : connection.Command("SELECT id, name, role, county, created_ms, created_by, revoked_ms FROM api_tokens WHERE county = @county ORDER BY created_ms, id")
                .With("@county", county);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tokens = new List<StoredToken>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(new StoredToken(
                reader.GetString(0), reader.GetString(1), Enum.Parse<ApiRole>(reader.GetString(2)), reader.NullableString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.Int64(4)), reader.GetString(5), reader.NullableInstant(6)));
        }

        return tokens;
    }

    /// <summary>Revokes a token of <paramref name="county"/> (any county when null); false when there is none to revoke.</summary>
    public async Task<bool> RevokeAsync(string id, string? county, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        const string sql = "UPDATE api_tokens SET revoked_ms = @now WHERE id = @id AND revoked_ms IS NULL";
        await using var command = (county is null ? connection.Command(sql) : connection.Command(sql + " AND county = @county").With("@county", county))
            .With("@now", _time.GetUtcNow().ToUnixTimeMilliseconds()).With("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    internal static string Describe(TokenIdentity identity) =>
        string.Create(CultureInfo.InvariantCulture, $"{identity.Name} ({identity.Role}, {identity.County ?? "all counties"})");
}
