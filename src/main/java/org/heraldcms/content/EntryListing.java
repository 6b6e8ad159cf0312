package org.heraldcms.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.platform.Page;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read-only views of all entries, whatever their status, for the admin: lists, counts, gaps. */
@Service
public class EntryListing {

    private static final String OWNER = "(SELECT r.saved_by FROM revision r WHERE r.entry_id = e.id AND r.number = 1)";
    private static final String LIVE = " NOT EXISTS (SELECT 1 FROM entry_trash x WHERE x.entry_id = e.id)";
    private static final String ROW = "SELECT e.id, e.translation_group_id, e.language, e.section_id, e.title, e.author, "
            + "e.status, e.published_at, e.updated_at, " + OWNER + " AS owner FROM entry e";

    private final JdbcClient jdbc;

    EntryListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<EntryRow> find(EntryQuery q) {
        StringBuilder where = new StringBuilder(" WHERE " + (q.trashed() ? "" : "NOT ")
                + "EXISTS (SELECT 1 FROM entry_trash x WHERE x.entry_id = e.id)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.language() != null && !q.language().isBlank()) {
            where.append(" AND e.language = :language");
            params.put("language", q.language());
        }
        if (q.sectionId() != null) {
            where.append(" AND e.section_id = :section");
            params.put("section", q.sectionId());
        }
        if (q.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", q.status().code());
        }
        if (q.owner() != null && !q.owner().isBlank()) {
            where.append(" AND " + OWNER + " = :owner");
            params.put("owner", q.owner());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND LOWER(e.title) LIKE :text ESCAPE '!'");
            params.put("text", "%" + q.text().strip().toLowerCase().replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM entry e" + where).params(params).query(Long.class).single();
        List<EntryRow> rows = jdbc.sql(ROW + where + " ORDER BY e." + q.orderBy().replace(", ", ", e.")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", q.size()).param("offset", Page.offset(q.page(), q.size()))
                .query(EntryListing::row).list();
        return new Page<>(rows, q.page(), q.size(), total);
    }

    public List<EntryRow> recent(int limit) {
        return jdbc.sql(ROW + " WHERE" + LIVE + " ORDER BY e.updated_at DESC, e.id DESC LIMIT ?").param(limit).query(EntryListing::row).list();
    }

    public List<EntryRow> inStatus(EntryStatus status, int limit) {
        return jdbc.sql(ROW + " WHERE e.status = ? AND" + LIVE + " ORDER BY e.updated_at DESC, e.id DESC LIMIT ?").params(status.code(), limit)
                .query(EntryListing::row).list();
    }

    /** Entries of the translation group, every language. */
    public List<EntryRow> group(long translationGroupId) {
        return jdbc.sql(ROW + " WHERE e.translation_group_id = ? ORDER BY e.language").param(translationGroupId)
                .query(EntryListing::row).list();
    }

    /** Entries with no translation in {@code language} yet. */
    public List<EntryRow> missingTranslation(String language, int limit) {
        return jdbc.sql(ROW + " WHERE e.language <> ? AND" + LIVE + " AND NOT EXISTS (SELECT 1 FROM entry t WHERE "
                        + "t.translation_group_id = e.translation_group_id AND t.language = ?) "
                        + "ORDER BY e.updated_at DESC, e.id DESC LIMIT ?")
                .params(language, language, limit).query(EntryListing::row).list();
    }

    /** How many entries each (status, language) pair holds. */
    public List<Map<String, Object>> countsByStatusAndLanguage() {
        List<Map<String, Object>> out = new ArrayList<>();
        jdbc.sql("SELECT status, language, COUNT(*) FROM entry e WHERE" + LIVE
                        + " GROUP BY status, language ORDER BY status, language")
                .query(rs -> {
                    out.add(Map.of("status", rs.getString(1), "language", rs.getString(2), "count", rs.getLong(3)));
                });
        return out;
    }

    /** Scheduled entries whose time has come. */
    public List<Long> dueScheduled(Instant now) {
        return jdbc.sql("SELECT id FROM entry WHERE status = 'scheduled' AND published_at <= ? ORDER BY published_at")
                .param(Timestamps.format(now)).query(Long.class).list();
    }

    /** Claims a due entry for publishing; only one caller (on any node) gets true. */
    boolean claim(long id) {
        return jdbc.sql("UPDATE entry SET status = 'published' WHERE id = ? AND status = 'scheduled'").param(id)
                .update() == 1;
    }

    private static EntryRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String published = rs.getString("published_at");
        return new EntryRow(rs.getLong("id"), rs.getLong("translation_group_id"), rs.getString("language"),
                rs.getLong("section_id"), rs.getString("title"), rs.getString("author"),
                EntryStatus.of(rs.getString("status")), published == null ? null : Timestamps.parse(published),
                Timestamps.parse(rs.getString("updated_at")), rs.getString("owner"));
    }
}
