-- Feedback and guestbook forms (issue 9): the fields of a FEEDBACK or GUESTBOOK section, labelled
-- per language, and what visitors sent. An answer keeps the field's label as it was when sent.

CREATE TABLE form_field (
    id         BIGINT PRIMARY KEY,
    section_id BIGINT NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    type       VARCHAR(20) NOT NULL,
    required   BOOLEAN NOT NULL,
    created_at VARCHAR(30) NOT NULL
);
CREATE INDEX form_field_by_section ON form_field (section_id, position);

-- options: the choices of a select field, one per line.
CREATE TABLE form_field_label (
    field_id BIGINT NOT NULL REFERENCES form_field (id) ON DELETE CASCADE,
    language VARCHAR(35) NOT NULL,
    label    VARCHAR(200) NOT NULL,
    options  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (field_id, language)
);

-- status: unread or read; moderation (guestbook only): pending, approved or rejected.
CREATE TABLE form_submission (
    id           BIGINT PRIMARY KEY,
    section_id   BIGINT NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    language     VARCHAR(35) NOT NULL,
    submitted_at VARCHAR(30) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    moderation   VARCHAR(20) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    reply        VARCHAR(10000) NOT NULL,
    replied_at   VARCHAR(30)
);
CREATE INDEX form_submission_by_section ON form_submission (section_id, submitted_at);

CREATE TABLE form_answer (
    submission_id BIGINT NOT NULL REFERENCES form_submission (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    field_type    VARCHAR(20) NOT NULL,
    label         VARCHAR(200) NOT NULL,
    answer        VARCHAR(10000) NOT NULL,
    PRIMARY KEY (submission_id, position)
);
