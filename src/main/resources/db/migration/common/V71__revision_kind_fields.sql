-- The kind fields (document, event, vacancy, link, the event a news entry reports on) an entry had
-- at each save through KindEntries, so restoring a revision restores them too. A save that did not
-- pass there (a bulk publish) kept the fields of the revision before it.
CREATE TABLE revision_kind (
    entry_id BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    kind     VARCHAR(20) NOT NULL,
    fields   TEXT NOT NULL,
    PRIMARY KEY (entry_id, number)
);
