namespace ClassroomFleet.Fleet.Registry;

/// <summary>The registry's write statements, portable between SQLite and PostgreSQL.</summary>
internal static class RegistrySql
{
    public const string TouchCounty = """
        INSERT INTO counties (code, first_seen_ms, last_seen_ms) VALUES (@county, @seen, @seen)
        ON CONFLICT (code) DO UPDATE SET
            last_seen_ms = CASE WHEN excluded.last_seen_ms > counties.last_seen_ms THEN excluded.last_seen_ms ELSE counties.last_seen_ms END
        """;

    /// <summary>Creates a school known only from status or telemetry; never moves it to another county (only its inventory does).</summary>
    public const string TouchSchool = """
        INSERT INTO schools (code, county, first_seen_ms, last_seen_ms) VALUES (@school, @county, @seen, @seen)
        ON CONFLICT (code) DO UPDATE SET
            last_seen_ms = CASE WHEN excluded.last_seen_ms > schools.last_seen_ms THEN excluded.last_seen_ms ELSE schools.last_seen_ms END
        """;

    public const string UpsertSchoolFacts = """
        INSERT INTO schools (code, county, name, category, urban_rural_code,
            classes, classes_as_of, classes_source, teachers, teachers_as_of, teachers_source, students, students_as_of, students_source,
            school_file_sha256, inventory_agent, inventory_time_ms, inventory_received_ms, first_seen_ms, last_seen_ms)
        VALUES (@school, @county, @name, @category, @urc,
            @classes, @classes_as_of, @classes_source, @teachers, @teachers_as_of, @teachers_source, @students, @students_as_of, @students_source,
            @sha, @agent, @time, @seen, @seen, @seen)
        ON CONFLICT (code) DO UPDATE SET
            county = excluded.county, name = excluded.name, category = excluded.category, urban_rural_code = excluded.urban_rural_code,
            classes = excluded.classes, classes_as_of = excluded.classes_as_of, classes_source = excluded.classes_source,
            teachers = excluded.teachers, teachers_as_of = excluded.teachers_as_of, teachers_source = excluded.teachers_source,
            students = excluded.students, students_as_of = excluded.students_as_of, students_source = excluded.students_source,
            school_file_sha256 = excluded.school_file_sha256, inventory_agent = excluded.inventory_agent,
            inventory_time_ms = excluded.inventory_time_ms, inventory_received_ms = excluded.inventory_received_ms,
            last_seen_ms = CASE WHEN excluded.last_seen_ms > schools.last_seen_ms THEN excluded.last_seen_ms ELSE schools.last_seen_ms END
        """;

    public const string DeleteRooms = "DELETE FROM rooms WHERE school = @school";

    public const string InsertRoom = "INSERT INTO rooms (school, id, name, type) VALUES (@school, @id, @name, @type)";

    public const string UnlistDevices = "UPDATE devices SET in_inventory = 0, county = @county WHERE school = @school";

    public const string UpsertInventoryDevice = """
        INSERT INTO devices (school, id, county, kind, room, in_inventory) VALUES (@school, @id, @county, @kind, @room, 1)
        ON CONFLICT (school, id) DO UPDATE SET county = excluded.county, kind = excluded.kind, room = excluded.room, in_inventory = 1
        """;

    /// <summary>A sighting never overrides the school file's kind, and last seen only moves forward.</summary>
    public const string UpsertSeenDevice = """
        INSERT INTO devices (school, id, county, kind, room, in_inventory, last_agent, first_seen_ms, last_seen_ms)
        VALUES (@school, @id, @county, @kind, NULL, 0, @agent, @seen, @seen)
        ON CONFLICT (school, id) DO UPDATE SET
            kind = COALESCE(devices.kind, excluded.kind),
            last_agent = excluded.last_agent,
            first_seen_ms = COALESCE(devices.first_seen_ms, excluded.first_seen_ms),
            last_seen_ms = CASE WHEN devices.last_seen_ms IS NULL OR excluded.last_seen_ms > devices.last_seen_ms
                THEN excluded.last_seen_ms ELSE devices.last_seen_ms END
        """;

    public const string LatestHistorySha = """
        SELECT school_file_sha256 FROM inventory_history WHERE school = @school ORDER BY received_ms DESC LIMIT 1
        """;

    public const string InsertHistory = """
        INSERT INTO inventory_history (school, received_ms, school_file_sha256, payload) VALUES (@school, @seen, @sha, @payload)
        ON CONFLICT (school, received_ms) DO NOTHING
        """;

    public const string UpsertStatus = """
        INSERT INTO agents (school, id, county, online, version, config_version, outbox_depth, outbox_bytes, outbox_oldest_age_s,
            status_time_ms, status_received_ms, last_seen_ms)
        VALUES (@school, @id, @county, @online, @version, @config_version, @outbox_depth, @outbox_bytes, @outbox_age,
            @status_time, @seen, @seen)
        ON CONFLICT (school, id) DO UPDATE SET
            county = excluded.county, online = excluded.online,
            version = COALESCE(excluded.version, agents.version),
            config_version = COALESCE(excluded.config_version, agents.config_version),
            outbox_depth = excluded.outbox_depth, outbox_bytes = excluded.outbox_bytes, outbox_oldest_age_s = excluded.outbox_oldest_age_s,
            status_time_ms = excluded.status_time_ms, status_received_ms = excluded.status_received_ms,
            last_seen_ms = CASE WHEN excluded.online = 1 AND excluded.last_seen_ms > agents.last_seen_ms
                THEN excluded.last_seen_ms ELSE agents.last_seen_ms END
        """;

    public const string TouchAgent = """
        INSERT INTO agents (school, id, county, last_seen_ms) VALUES (@school, @id, @county, @seen)
        ON CONFLICT (school, id) DO UPDATE SET
            last_seen_ms = CASE WHEN excluded.last_seen_ms > agents.last_seen_ms THEN excluded.last_seen_ms ELSE agents.last_seen_ms END
        """;
}
