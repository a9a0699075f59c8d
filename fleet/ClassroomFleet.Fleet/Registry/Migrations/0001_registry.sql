-- Registry schema v1: counties, schools (school-file facts), rooms, devices, agents, inventory history.
-- Portable SQL (SQLite 3.24+ and PostgreSQL 12+): instants are BIGINT milliseconds since the Unix epoch (UTC),
-- flags are SMALLINT 0/1, dates are ISO 8601 text (yyyy-MM-dd).
CREATE TABLE counties (
    code VARCHAR(6) NOT NULL PRIMARY KEY,
    first_seen_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL
);

CREATE TABLE schools (
    code VARCHAR(10) NOT NULL PRIMARY KEY,
    county VARCHAR(6) NOT NULL,
    name VARCHAR(200),
    category VARCHAR(32),
    urban_rural_code VARCHAR(8),
    classes INTEGER,
    classes_as_of VARCHAR(10),
    classes_source VARCHAR(200),
    teachers INTEGER,
    teachers_as_of VARCHAR(10),
    teachers_source VARCHAR(200),
    students INTEGER,
    students_as_of VARCHAR(10),
    students_source VARCHAR(200),
    school_file_sha256 VARCHAR(64),
    inventory_agent VARCHAR(64),
    inventory_time_ms BIGINT,
    inventory_received_ms BIGINT,
    first_seen_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL
);

CREATE INDEX ix_schools_county ON schools (county);

CREATE TABLE rooms (
    school VARCHAR(10) NOT NULL,
    id VARCHAR(64) NOT NULL,
    name VARCHAR(200) NOT NULL,
    type VARCHAR(64) NOT NULL,
    PRIMARY KEY (school, id)
);

CREATE TABLE devices (
    school VARCHAR(10) NOT NULL,
    id VARCHAR(64) NOT NULL,
    county VARCHAR(6) NOT NULL,
    kind VARCHAR(64),
    room VARCHAR(64),
    in_inventory SMALLINT NOT NULL,
    last_agent VARCHAR(64),
    first_seen_ms BIGINT,
    last_seen_ms BIGINT,
    PRIMARY KEY (school, id)
);

CREATE TABLE agents (
    school VARCHAR(10) NOT NULL,
    id VARCHAR(64) NOT NULL,
    county VARCHAR(6) NOT NULL,
    online SMALLINT,
    version VARCHAR(64),
    config_version BIGINT,
    outbox_depth BIGINT,
    outbox_bytes BIGINT,
    outbox_oldest_age_s DOUBLE PRECISION,
    status_time_ms BIGINT,
    status_received_ms BIGINT,
    last_seen_ms BIGINT NOT NULL,
    PRIMARY KEY (school, id)
);

CREATE INDEX ix_agents_county ON agents (county);

-- Every distinct school file a school has run (by SHA-256), with the inventory message as received, so that facts
-- can be asked for as they stood at an earlier instant.
CREATE TABLE inventory_history (
    school VARCHAR(10) NOT NULL,
    received_ms BIGINT NOT NULL,
    school_file_sha256 VARCHAR(64),
    payload TEXT NOT NULL,
    PRIMARY KEY (school, received_ms)
);
