-- Imports (issue 6): what each imported item of an old site became, so a second run
-- updates instead of duplicating. source names the old site ("wxr:http://example.org/").

CREATE TABLE import_item (
    source          VARCHAR(500) NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    source_id       VARCHAR(500) NOT NULL,
    target_id       BIGINT NOT NULL,
    parent_source_id VARCHAR(500),
    parent_target_id BIGINT,
    checksum        VARCHAR(64) NOT NULL DEFAULT '',
    imported_at     VARCHAR(30) NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_item_by_target ON import_item (target_id);

-- Files the old site had (WordPress attachments, MetInfo downloads): where they were and
-- which entry they belonged to; the bytes are fetched by the media module later.
CREATE TABLE import_media_ref (
    source      VARCHAR(500) NOT NULL,
    source_id   VARCHAR(500) NOT NULL,
    entry_id    BIGINT,
    url         VARCHAR(2000) NOT NULL,
    title       VARCHAR(500) NOT NULL DEFAULT '',
    mime_type   VARCHAR(200) NOT NULL DEFAULT '',
    imported_at VARCHAR(30) NOT NULL,
    PRIMARY KEY (source, source_id)
);

-- Accounts of the old site. Their password hashes (unsalted MD5 in MetInfo) are never kept:
-- each must set a new password when Herald's user accounts take them over.
CREATE TABLE import_account (
    source            VARCHAR(500) NOT NULL,
    login             VARCHAR(200) NOT NULL,
    display_name      VARCHAR(200) NOT NULL DEFAULT '',
    email             VARCHAR(320) NOT NULL DEFAULT '',
    must_set_password BOOLEAN NOT NULL,
    imported_at       VARCHAR(30) NOT NULL,
    PRIMARY KEY (source, login)
);
