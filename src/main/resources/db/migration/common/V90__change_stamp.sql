-- One counter every Herald process sharing this database raises after a change its public pages
-- show, and reads every few seconds: a server thereby learns of a command-line import, or of an
-- edit made on another instance, and drops what it keeps in memory (sections, section limits, the
-- site, cached pages).
CREATE TABLE change_stamp (
    id    INTEGER PRIMARY KEY,
    stamp BIGINT NOT NULL
);
INSERT INTO change_stamp (id, stamp) VALUES (1, 0);
