-- Section kinds beyond news (issue 9 part A): the fields of documents, events, vacancies, links
-- and banners, keyed by entry id, so translation groups, revisions, workflow and trash apply.

-- When an entry leaves the public site by itself (a vacancy's closing, a banner's end).
CREATE TABLE entry_expiry (
    entry_id   BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    expires_at VARCHAR(30) NOT NULL
);
CREATE INDEX entry_expiry_at ON entry_expiry (expires_at);

-- An official document: its symbol (A/RES/75/69), date, type and the file in the entry's language.
CREATE TABLE entry_document (
    entry_id      BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    language      VARCHAR(35) NOT NULL,
    symbol        VARCHAR(200) NOT NULL,
    document_date VARCHAR(10) NOT NULL,
    document_type VARCHAR(40) NOT NULL,
    media_name    VARCHAR(100) NOT NULL DEFAULT ''
);
CREATE INDEX entry_document_symbol ON entry_document (language, symbol);

-- An event: UTC instants plus the zone it happens in.
CREATE TABLE entry_event (
    entry_id     BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    starts_at    VARCHAR(30) NOT NULL,
    ends_at      VARCHAR(30) NOT NULL,
    time_zone    VARCHAR(64) NOT NULL,
    place        VARCHAR(500) NOT NULL DEFAULT '',
    online       BOOLEAN NOT NULL DEFAULT FALSE,
    organisers   VARCHAR(1000) NOT NULL DEFAULT '',
    participants VARCHAR(2000) NOT NULL DEFAULT ''
);
CREATE INDEX entry_event_start ON entry_event (starts_at);

-- A news entry reporting on an event (any language of the event's translation group).
CREATE TABLE entry_event_report (
    entry_id       BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    event_group_id BIGINT NOT NULL REFERENCES translation_group (id)
);
CREATE INDEX entry_event_report_group ON entry_event_report (event_group_id);

CREATE TABLE entry_vacancy (
    entry_id     BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    grade        VARCHAR(100) NOT NULL DEFAULT '',
    duty_station VARCHAR(200) NOT NULL DEFAULT '',
    closes_at    VARCHAR(30) NOT NULL
);

-- A friendly link or a home-page banner: where it points, an optional image, its place in the order.
CREATE TABLE entry_link (
    entry_id   BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    url        VARCHAR(2000) NOT NULL,
    media_name VARCHAR(100) NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    ends_at    VARCHAR(30)
);

-- A gallery's images belong to its translation group; captions are per language.
CREATE TABLE gallery_image (
    id                   BIGINT PRIMARY KEY,
    translation_group_id BIGINT NOT NULL REFERENCES translation_group (id),
    position             INTEGER NOT NULL,
    media_name           VARCHAR(100) NOT NULL
);
CREATE INDEX gallery_image_group ON gallery_image (translation_group_id, position);

CREATE TABLE gallery_caption (
    image_id BIGINT NOT NULL REFERENCES gallery_image (id) ON DELETE CASCADE,
    language VARCHAR(35) NOT NULL,
    caption  VARCHAR(1000) NOT NULL DEFAULT '',
    PRIMARY KEY (image_id, language)
);
