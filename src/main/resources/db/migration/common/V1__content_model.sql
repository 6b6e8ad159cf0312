-- Herald's content model. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Ids are made by the application (org.heraldcms.platform.Ids); instants are UTC text
-- (org.heraldcms.platform.Timestamps).

CREATE TABLE site (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    time_zone   VARCHAR(64) NOT NULL,
    created_at  VARCHAR(30) NOT NULL
);

CREATE TABLE language (
    tag             VARCHAR(35) PRIMARY KEY,
    native_name     VARCHAR(100) NOT NULL,
    position        INTEGER NOT NULL,
    enabled         BOOLEAN NOT NULL,
    is_default      BOOLEAN NOT NULL,
    site_name       VARCHAR(200) NOT NULL,
    tagline         VARCHAR(500) NOT NULL DEFAULT '',
    footer          TEXT NOT NULL DEFAULT '',
    seo_description VARCHAR(500) NOT NULL DEFAULT ''
);

CREATE TABLE section (
    id         BIGINT PRIMARY KEY,
    parent_id  BIGINT REFERENCES section (id),
    kind       VARCHAR(20) NOT NULL,
    position   INTEGER NOT NULL,
    in_menu    BOOLEAN NOT NULL
);

-- A section's name and slug in one language; path is the slugs from the root, joined by '/'.
CREATE TABLE section_name (
    section_id BIGINT NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    language   VARCHAR(35) NOT NULL REFERENCES language (tag),
    name       VARCHAR(200) NOT NULL,
    slug       VARCHAR(100) NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (section_id, language),
    UNIQUE (language, path)
);

CREATE TABLE translation_group (
    id         BIGINT PRIMARY KEY,
    created_at VARCHAR(30) NOT NULL
);

CREATE TABLE entry (
    id                   BIGINT PRIMARY KEY,
    translation_group_id BIGINT NOT NULL REFERENCES translation_group (id),
    language             VARCHAR(35) NOT NULL REFERENCES language (tag),
    section_id           BIGINT NOT NULL REFERENCES section (id),
    title                TEXT NOT NULL,
    slug                 VARCHAR(200) NOT NULL,
    summary              TEXT NOT NULL DEFAULT '',
    body                 TEXT NOT NULL DEFAULT '',
    author               VARCHAR(200) NOT NULL DEFAULT '',
    source               VARCHAR(500) NOT NULL DEFAULT '',
    published_at         VARCHAR(30),
    status               VARCHAR(20) NOT NULL,
    featured             BOOLEAN NOT NULL DEFAULT FALSE,
    seo_title            VARCHAR(500) NOT NULL DEFAULT '',
    seo_description      VARCHAR(1000) NOT NULL DEFAULT '',
    view_count           BIGINT NOT NULL DEFAULT 0,
    created_at           VARCHAR(30) NOT NULL,
    updated_at           VARCHAR(30) NOT NULL,
    UNIQUE (language, section_id, slug),
    UNIQUE (translation_group_id, language)
);
CREATE INDEX entry_in_section ON entry (section_id, status, published_at);
CREATE INDEX entry_in_language ON entry (language, status, published_at);

CREATE TABLE tag (
    id       BIGINT PRIMARY KEY,
    language VARCHAR(35) NOT NULL REFERENCES language (tag),
    name     VARCHAR(200) NOT NULL,
    slug     VARCHAR(200) NOT NULL,
    UNIQUE (language, slug)
);

CREATE TABLE entry_tag (
    entry_id BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    tag_id   BIGINT NOT NULL REFERENCES tag (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (entry_id, tag_id)
);
CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id);

-- Every save of an entry keeps the saved state as a numbered revision.
CREATE TABLE revision (
    id              BIGINT PRIMARY KEY,
    entry_id        BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    saved_at        VARCHAR(30) NOT NULL,
    saved_by        VARCHAR(200) NOT NULL,
    section_id      BIGINT NOT NULL,
    title           TEXT NOT NULL,
    slug            VARCHAR(200) NOT NULL,
    summary         TEXT NOT NULL,
    body            TEXT NOT NULL,
    author          VARCHAR(200) NOT NULL,
    source          VARCHAR(500) NOT NULL,
    published_at    VARCHAR(30),
    status          VARCHAR(20) NOT NULL,
    tags            TEXT NOT NULL,
    seo_title       VARCHAR(500) NOT NULL,
    seo_description VARCHAR(1000) NOT NULL,
    UNIQUE (entry_id, number)
);

-- An old path (with its query string, if it had one) and where it lives now.
CREATE TABLE redirect (
    old_path    VARCHAR(2000) PRIMARY KEY,
    target_path VARCHAR(2000) NOT NULL,
    origin      VARCHAR(50) NOT NULL,
    created_at  VARCHAR(30) NOT NULL
);
CREATE INDEX redirect_by_target ON redirect (target_path);
