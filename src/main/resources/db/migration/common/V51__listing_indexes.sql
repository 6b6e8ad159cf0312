-- Indexes that answer the public lists, counts and previous/next links from the index alone
-- (measured on 10,000 entries: a section's count from ~0.9 ms to ~0.05 ms, "next" from ~0.6 ms to ~3 us).
DROP INDEX entry_in_section;
DROP INDEX entry_in_language;
CREATE INDEX entry_listing ON entry (language, section_id, status, published_at, id);
CREATE INDEX entry_by_language ON entry (language, status, published_at, id);
-- The home page's featured entries, without walking every published entry of the language.
CREATE INDEX entry_featured ON entry (language, featured, status, published_at, id);
