-- API tokens created through the API (tokens from configuration live in Auth:Tokens). Only the SHA-256 of a token is
-- kept; the token itself is shown once, to the admin who created it.
CREATE TABLE api_tokens (
    id VARCHAR(32) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    sha256 VARCHAR(64) NOT NULL UNIQUE,
    role VARCHAR(16) NOT NULL,
    county VARCHAR(6),
    created_ms BIGINT NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    revoked_ms BIGINT
);
