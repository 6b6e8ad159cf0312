-- Members of the public site (issue 9): accounts separate from the admin's app_user, each in one
-- group; a section limited to a group is shown only to that group's signed-in members.

CREATE TABLE member_group (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    created_at VARCHAR(30) NOT NULL
);

CREATE TABLE member (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(64) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    group_id      BIGINT NOT NULL REFERENCES member_group (id),
    enabled       BOOLEAN NOT NULL,
    created_at    VARCHAR(30) NOT NULL
);

CREATE TABLE section_access (
    section_id BIGINT PRIMARY KEY REFERENCES section (id) ON DELETE CASCADE,
    group_id   BIGINT NOT NULL REFERENCES member_group (id)
);
