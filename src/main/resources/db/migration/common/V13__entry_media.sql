-- Cover image and attachments of entries (issue 3). Revisions keep them too, so a restore brings them back.
-- The alt text belongs to the entry (each translation words it in its own language).
ALTER TABLE entry ADD COLUMN cover_media_id BIGINT REFERENCES media (id);
ALTER TABLE entry ADD COLUMN cover_alt VARCHAR(500) NOT NULL DEFAULT '';
CREATE INDEX entry_by_cover ON entry (cover_media_id);

CREATE TABLE entry_attachment (
    entry_id BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    media_id BIGINT NOT NULL REFERENCES media (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (entry_id, media_id)
);
CREATE INDEX entry_attachment_by_media ON entry_attachment (media_id);

-- A revision names media by id without a foreign key: a file may be deleted once no entry uses it,
-- and restoring such a revision leaves it out.
ALTER TABLE revision ADD COLUMN cover_media_id BIGINT;
ALTER TABLE revision ADD COLUMN cover_alt VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE revision ADD COLUMN attachments VARCHAR(2000) NOT NULL DEFAULT '';
