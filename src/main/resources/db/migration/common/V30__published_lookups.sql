-- Feeds, sitemaps, archives and conditional GET read published entries across a whole
-- language or the whole site, newest first, and the moment anything last changed.
CREATE INDEX entry_published ON entry (status, published_at);
CREATE INDEX entry_updated ON entry (updated_at);
