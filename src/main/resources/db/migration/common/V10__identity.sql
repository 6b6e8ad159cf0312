-- Accounts, the one-time setup claim and the audit log of admin actions (issue 3).

CREATE TABLE app_user (
    id                  BIGINT PRIMARY KEY,
    username            VARCHAR(64) NOT NULL UNIQUE,
    display_name        VARCHAR(200) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    role                VARCHAR(20) NOT NULL,
    enabled             BOOLEAN NOT NULL,
    created_at          VARCHAR(30) NOT NULL,
    password_changed_at VARCHAR(30) NOT NULL
);

-- At most one row: whoever inserts it first completes the web setup; a second attempt fails on the key.
CREATE TABLE setup_claim (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    claimed_at VARCHAR(30) NOT NULL
);

CREATE TABLE audit_event (
    id             BIGINT PRIMARY KEY,
    at             VARCHAR(30) NOT NULL,
    username       VARCHAR(64) NOT NULL,
    action         VARCHAR(100) NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    remote_address VARCHAR(100) NOT NULL
);
CREATE INDEX audit_event_by_time ON audit_event (at);
