-- The media library (issue 3): files live under DATA/media/ by random stored names.
CREATE TABLE media (
    id            BIGINT PRIMARY KEY,
    stored_name   VARCHAR(100) NOT NULL UNIQUE,
    original_name VARCHAR(300) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    variants      VARCHAR(100) NOT NULL,
    uploaded_by   VARCHAR(64) NOT NULL,
    uploaded_at   VARCHAR(30) NOT NULL
);
