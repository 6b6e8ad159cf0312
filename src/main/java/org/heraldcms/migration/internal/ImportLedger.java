package org.heraldcms.migration.internal;

import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each item of an old site became: (source, kind, source id) → Herald id, with a checksum of what was read. */
@Repository
public class ImportLedger {

    public record Mapped(long targetId, String checksum) {
    }

    private final JdbcClient jdbc;

    ImportLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Mapped> find(String source, String kind, String sourceId) {
        return jdbc.sql("SELECT target_id, checksum FROM import_item WHERE source = ? AND kind = ? AND source_id = ?")
                .params(source, kind, sourceId)
                .query((rs, n) -> new Mapped(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    public void put(String source, String kind, String sourceId, long targetId, String parentSourceId, String checksum) {
        int updated = jdbc.sql("""
                        UPDATE import_item SET target_id = ?, parent_source_id = ?, checksum = ?, imported_at = ?
                        WHERE source = ? AND kind = ? AND source_id = ?""")
                .params(targetId, parentSourceId, checksum, Timestamps.now(), source, kind, sourceId).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO import_item (source, kind, source_id, target_id, parent_source_id, checksum, imported_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(source, kind, sourceId, targetId, parentSourceId, checksum, Timestamps.now()).update();
        }
    }

    /** Fills parent_target_id from parent_source_id once every item of a run is known (children may come first). */
    public void linkParents(String source, String kind) {
        jdbc.sql("""
                        UPDATE import_item SET parent_target_id = (SELECT p.target_id FROM import_item p
                            WHERE p.source = import_item.source AND p.kind = import_item.kind
                              AND p.source_id = import_item.parent_source_id)
                        WHERE source = ? AND kind = ?""")
                .params(source, kind).update();
    }

    /** The Herald id of the parent of an imported item (a page's parent page), if it had one. */
    public Optional<Long> parentOf(String kind, long targetId) {
        return jdbc.sql("SELECT parent_target_id FROM import_item WHERE kind = ? AND target_id = ? AND parent_target_id IS NOT NULL")
                .params(kind, targetId).query(Long.class).optional();
    }

    public void putMedia(String source, String sourceId, Long entryId, String url, String title, String mimeType) {
        jdbc.sql("DELETE FROM import_media_ref WHERE source = ? AND source_id = ?").params(source, sourceId).update();
        jdbc.sql("""
                        INSERT INTO import_media_ref (source, source_id, entry_id, url, title, mime_type, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(source, sourceId, entryId, url, title, mimeType, Timestamps.now()).update();
    }

    public long countMedia(String source) {
        return jdbc.sql("SELECT COUNT(*) FROM import_media_ref WHERE source = ?").param(source).query(Long.class).single();
    }

    public void putAccount(String source, String login, String displayName, String email) {
        jdbc.sql("DELETE FROM import_account WHERE source = ? AND login = ?").params(source, login).update();
        jdbc.sql("""
                        INSERT INTO import_account (source, login, display_name, email, must_set_password, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(source, login, displayName, email, true, Timestamps.now()).update();
    }
}
