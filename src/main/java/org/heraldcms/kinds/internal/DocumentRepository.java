package org.heraldcms.kinds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.KindCard;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private static final String FROM = " FROM entry e LEFT JOIN entry_document d ON d.entry_id = e.id"
            + " WHERE e.language = :language AND e.section_id = :section AND " + KindSql.VISIBLE;
    private final JdbcClient jdbc;
    private final SectionAccess access;

    DocumentRepository(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void put(long entryId, String language, DocumentFields f) {
        jdbc.sql("DELETE FROM entry_document WHERE entry_id = ?").param(entryId).update();
        jdbc.sql("INSERT INTO entry_document (entry_id, language, symbol, document_date, document_type, media_name)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(entryId, language, f.symbol(), f.date().toString(), f.type(), f.mediaName()).update();
    }

    public Optional<DocumentFields> find(long entryId) {
        return jdbc.sql("SELECT symbol, document_date, document_type, media_name FROM entry_document WHERE entry_id = ?")
                .param(entryId).query((rs, n) -> fields(rs)).optional();
    }

    /** Another entry of this language with this symbol, if any. */
    public Optional<Long> holder(String language, String symbol, long exceptId) {
        return jdbc.sql("SELECT entry_id FROM entry_document WHERE language = ? AND symbol = ? AND entry_id <> ?")
                .params(language, symbol, exceptId).query(Long.class).optional();
    }

    public Optional<Long> visibleBySymbol(String language, String symbol, Instant now) {
        return jdbc.sql("SELECT e.id FROM entry e JOIN entry_document d ON d.entry_id = e.id"
                        + " WHERE d.language = :language AND d.symbol = :symbol AND " + KindSql.VISIBLE)
                .param("language", language).param("symbol", symbol).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query(Long.class).optional();
    }

    public List<KindCard<DocumentFields>> list(String language, long sectionId, Integer year, String type, Instant now,
                                               int limit, long offset) {
        return jdbc.sql("SELECT " + KindSql.CARD + ", d.symbol, d.document_date, d.document_type, d.media_name" + FROM
                        + filters(year, type) + " ORDER BY COALESCE(d.document_date, SUBSTR(e.published_at, 1, 10)) DESC,"
                        + " e.id DESC LIMIT :limit OFFSET :offset")
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .param("from", year == null ? "" : year + "-01-01").param("to", year == null ? "" : (year + 1) + "-01-01")
                .param("type", type == null ? "" : type).param("limit", limit).param("offset", offset)
                .query((rs, n) -> KindSql.card(rs, rs.getString("symbol") == null ? null : fields(rs))).list();
    }

    public long count(String language, long sectionId, Integer year, String type, Instant now) {
        return jdbc.sql("SELECT COUNT(*)" + FROM + filters(year, type))
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .param("from", year == null ? "" : year + "-01-01").param("to", year == null ? "" : (year + 1) + "-01-01")
                .param("type", type == null ? "" : type)
                .query(Long.class).single();
    }

    public List<String> years(String language, long sectionId, Instant now) {
        return jdbc.sql("SELECT DISTINCT SUBSTR(d.document_date, 1, 4) AS y" + FROM
                        + " AND d.document_date IS NOT NULL ORDER BY y DESC")
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query(String.class).list();
    }

    private static String filters(Integer year, String type) {
        return (year == null ? "" : " AND d.document_date >= :from AND d.document_date < :to")
                + (type == null ? "" : " AND d.document_type = :type");
    }

    private static DocumentFields fields(ResultSet rs) throws SQLException {
        return new DocumentFields(rs.getString("symbol"), LocalDate.parse(rs.getString("document_date")),
                rs.getString("document_type"), rs.getString("media_name"));
    }
}
