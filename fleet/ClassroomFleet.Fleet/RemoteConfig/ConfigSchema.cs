namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// The migrations of <c>config.db</c>, applied in order inside one transaction each and recorded in
/// <c>config_migrations</c>. Never edit a shipped step; add one.
/// </summary>
internal static class ConfigSchema
{
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE desired (
            county TEXT NOT NULL, school TEXT NOT NULL, version INTEGER NOT NULL,
            document BLOB NOT NULL, envelope BLOB NOT NULL, school_file TEXT NOT NULL,
            issued_by TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, rollout_id TEXT,
            PRIMARY KEY (county, school, version));
        CREATE TABLE reported (
            county TEXT NOT NULL, school TEXT NOT NULL, agent TEXT NOT NULL, version INTEGER NOT NULL,
            attempted_version INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT, sha256 TEXT, time TEXT NOT NULL,
            PRIMARY KEY (county, school));
        CREATE TABLE school_tags (county TEXT NOT NULL, school TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (county, school, tag));
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
            before_version INTEGER, after_version INTEGER, result TEXT NOT NULL, detail TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TABLE rollouts (
            id TEXT PRIMARY KEY, county TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
            request TEXT NOT NULL, error_threshold REAL NOT NULL, state TEXT NOT NULL, current_wave INTEGER NOT NULL,
            wave_started_at TEXT, reason TEXT);
        CREATE TABLE rollout_schools (
            rollout_id TEXT NOT NULL, county TEXT NOT NULL, school TEXT NOT NULL, wave INTEGER NOT NULL,
            version INTEGER, status TEXT NOT NULL, reason TEXT, updated_at TEXT NOT NULL,
            PRIMARY KEY (rollout_id, county, school));
        CREATE TABLE commands (
            id TEXT PRIMARY KEY, county TEXT NOT NULL, school TEXT NOT NULL, type TEXT NOT NULL, device TEXT, args TEXT,
            issued_by TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, state TEXT NOT NULL,
            reason TEXT, output TEXT, updated_at TEXT NOT NULL);
        """,
        "ALTER TABLE desired ADD COLUMN agent TEXT;",
        "ALTER TABLE reported ADD COLUMN school_file TEXT;",
    ];
}
