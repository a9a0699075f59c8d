using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using Microsoft.Data.Sqlite;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Desired documents (every version kept), the last report of each school, and school tags.</summary>
public sealed class ConfigStore(ConfigDatabase database)
{
    private const string DesiredColumns = "county, school, version, school_file, issued_by, issued_at, expires_at, rollout_id, agent";

    public ConfigDatabase Database => database;

    public static async Task<long> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string county, string school, CancellationToken cancellationToken)
    {
        var value = await connection.ScalarAsync("SELECT MAX(version) FROM desired WHERE county = $c AND school = $s", new() { ["$c"] = county, ["$s"] = school }, cancellationToken, transaction).ConfigureAwait(false);
        return value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<DesiredConfig?> GetDesiredAsync(string county, string school, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync(
                $"SELECT {DesiredColumns} FROM desired WHERE county = $c AND school = $s ORDER BY version DESC LIMIT 1",
                new() { ["$c"] = county, ["$s"] = school },
                r => new DesiredConfig(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.Instant(5), r.Instant(6), r.NullableString(7))
                {
                    Agent = r.NullableString(8) is { } agent ? System.Text.Json.JsonSerializer.Deserialize(agent, ContractJsonContext.Default.ConfigAgentSettings) : null,
                },
                cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>
    /// What an edit of the school starts from: the latest desired document; before the first push, the school file its
    /// agent reports in force, at version 0 (a push with base 0 then makes version 1). Null: the fleet knows no file.
    /// The fleet never signs the reported file by itself: only a push (a person's, or a rollout's) makes a version.
    /// </summary>
    public async Task<ConfigStartingPoint?> GetStartingPointAsync(string county, string school, CancellationToken cancellationToken)
    {
        if (await GetDesiredAsync(county, school, cancellationToken).ConfigureAwait(false) is { } desired)
        {
            return new ConfigStartingPoint(desired.Version, desired.SchoolFile, desired.Agent, ConfigStartingPoint.Desired);
        }

        return await GetReportedAsync(county, school, cancellationToken).ConfigureAwait(false) is { SchoolFile: { } reported }
            ? new ConfigStartingPoint(0, reported, null, ConfigStartingPoint.Reported)
            : null;
    }

    public async Task<ConfigReported?> GetReportedAsync(string county, string school, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync(
                "SELECT agent, version, attempted_version, status, reason, sha256, time, school_file FROM reported WHERE county = $c AND school = $s",
                new() { ["$c"] = county, ["$s"] = school },
                r => new ConfigReported
                {
                    County = county,
                    School = school,
                    Agent = r.GetString(0),
                    Version = r.GetInt64(1),
                    AttemptedVersion = r.GetInt64(2),
                    Status = r.GetString(3),
                    Reason = r.NullableString(4),
                    Sha256 = r.NullableString(5),
                    Time = r.Instant(6),
                    SchoolFile = r.NullableString(7),
                },
                cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>
    /// Keeps the school's last report; its school file only when the text hashes to the report's SHA-256 (the file
    /// actually in force), so the base a first push is offered is never a torn or mismatched copy.
    /// </summary>
    public async Task SaveReportedAsync(ConfigReported report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var schoolFile = report.SchoolFile is { } text && report.Sha256 is { } sha
            && string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), sha, StringComparison.OrdinalIgnoreCase)
            ? text
            : null;
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO reported (county, school, agent, version, attempted_version, status, reason, sha256, time, school_file)
                VALUES ($c, $s, $a, $v, $av, $st, $r, $sha, $t, $f)
                ON CONFLICT (county, school) DO UPDATE SET agent = $a, version = $v, attempted_version = $av, status = $st,
                    reason = $r, sha256 = $sha, time = $t, school_file = $f
                """,
                new()
                {
                    ["$c"] = report.County, ["$s"] = report.School, ["$a"] = report.Agent, ["$v"] = report.Version,
                    ["$av"] = report.AttemptedVersion, ["$st"] = report.Status, ["$r"] = report.Reason, ["$sha"] = report.Sha256,
                    ["$t"] = report.Time.Text(), ["$f"] = schoolFile,
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> GetTagsAsync(string county, string school, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync("SELECT tag FROM school_tags WHERE county = $c AND school = $s ORDER BY tag", new() { ["$c"] = county, ["$s"] = school }, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetTagsAsync(string county, string school, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction();
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync("DELETE FROM school_tags WHERE county = $c AND school = $s", new() { ["$c"] = county, ["$s"] = school }, cancellationToken, transaction).ConfigureAwait(false);
                foreach (var tag in tags)
                {
                    await connection.ExecuteAsync("INSERT OR IGNORE INTO school_tags (county, school, tag) VALUES ($c, $s, $t)", new() { ["$c"] = county, ["$s"] = school, ["$t"] = tag }, cancellationToken, transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Schools known to remote configuration (a desired document, a report or a tag), filtered by county, list or tag.</summary>
    public async Task<IReadOnlyList<string>> ListSchoolsAsync(string county, IReadOnlyCollection<string>? schools, string? tag, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var all = await connection.QueryAsync(
                """
                SELECT school FROM desired WHERE county = $c UNION SELECT school FROM reported WHERE county = $c
                UNION SELECT school FROM school_tags WHERE county = $c ORDER BY school
                """,
                new() { ["$c"] = county },
                r => r.GetString(0),
                cancellationToken).ConfigureAwait(false);
            var tagged = tag is null ? null : (await connection.QueryAsync("SELECT school FROM school_tags WHERE county = $c AND tag = $t", new() { ["$c"] = county, ["$t"] = tag }, r => r.GetString(0), cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            return all.Where(s => (schools is null || schools.Contains(s)) && (tagged is null || tagged.Contains(s))).ToList();
        }
    }
}
