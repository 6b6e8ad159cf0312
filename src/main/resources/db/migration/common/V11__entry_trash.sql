-- Entries deleted to the trash (issue 3): hidden from lists and the public site until restored.
CREATE TABLE entry_trash (
    entry_id        BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    previous_status VARCHAR(20) NOT NULL,
    trashed_at      VARCHAR(30) NOT NULL,
    trashed_by      VARCHAR(200) NOT NULL
);
