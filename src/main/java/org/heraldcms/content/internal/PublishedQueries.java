package org.heraldcms.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryExpiry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.PublishedLink;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only queries over published entries for feeds, sitemaps, archives and conditional GET. */
@Repository
public class PublishedQueries {

    private static final String VISIBLE = "status = 'published' AND published_at <= :now AND "
            + EntryExpiry.NOT_EXPIRED.replace("= e.id", "= entry.id");
    private static final String CARD_COLUMNS = "id, language, section_id, title, slug, summary, author, published_at, featured";

    /** Leaves out sections the visitor may not see (see {@link SectionAccess}); bound with {@code hidden}. */
    private static final String OPEN = " AND section_id NOT IN (:hidden)";

    private final JdbcClient jdbc;
    private final SectionAccess access;

    PublishedQueries(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The newest visible entries of these sections in a language, bodies included. */
    public List<Entry> latest(String language, List<Long> sectionIds, Instant now, int limit) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, translation_group_id, language, section_id, title, slug, summary, body, author, source,
                          published_at, status, featured, seo_title, seo_description, view_count, created_at, updated_at
                        FROM entry WHERE language = :language AND section_id IN (:sections) AND """ + " " + VISIBLE
                        + OPEN + " ORDER BY published_at DESC, id DESC LIMIT :limit")
                .param("hidden", access.hidden()).param("language", language).param("sections", sectionIds).param("now", Timestamps.format(now))
                .param("limit", limit)
                .query(PublishedQueries::entry).list();
    }

    /** Every visible entry of the site, by language then id. */
    public List<PublishedLink> links(Instant now) {
        return jdbc.sql("SELECT id, translation_group_id, language, section_id, slug, published_at, updated_at FROM entry"
                        + " WHERE " + VISIBLE + OPEN + " ORDER BY language, id")
                .param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, row) -> new PublishedLink(rs.getLong("id"), rs.getLong("translation_group_id"),
                        rs.getString("language"), rs.getLong("section_id"), rs.getString("slug"),
                        stored(rs.getString("published_at")), stored(rs.getString("updated_at"))))
                .list();
    }

    /** Visible entries of a language published in {@code [from, to)}, newest first. */
    public List<EntryCard> between(String language, Instant from, Instant to, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM entry WHERE language = :language AND published_at >= :from"
                        + " AND published_at < :to AND " + VISIBLE + OPEN
                        + " ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("hidden", access.hidden()).param("language", language).param("from", Timestamps.format(from)).param("to", Timestamps.format(to))
                .param("now", Timestamps.format(now)).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new EntryCard(rs.getLong("id"), rs.getString("language"), rs.getLong("section_id"),
                        rs.getString("title"), rs.getString("slug"), rs.getString("summary"), rs.getString("author"),
                        Timestamps.parse(rs.getString("published_at")), rs.getBoolean("featured")))
                .list();
    }

    public long countBetween(String language, Instant from, Instant to, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM entry WHERE language = :language AND published_at >= :from"
                        + " AND published_at < :to AND " + VISIBLE + OPEN)
                .param("hidden", access.hidden()).param("language", language).param("from", Timestamps.format(from)).param("to", Timestamps.format(to))
                .param("now", Timestamps.format(now))
                .query(Long.class).single();
    }

    /** The last save of any entry, or the last publication that has come due, whichever is later. */
    public Optional<Instant> lastChange(Instant now) {
        String saved = jdbc.sql("SELECT MAX(updated_at) FROM entry").query(String.class).optional().orElse(null);
        String published = jdbc.sql("SELECT MAX(published_at) FROM entry WHERE " + VISIBLE)
                .param("now", Timestamps.format(now)).query(String.class).optional().orElse(null);
        String expired = jdbc.sql("SELECT MAX(expires_at) FROM entry_expiry WHERE expires_at <= ?")
                .param(Timestamps.format(now)).query(String.class).optional().orElse(null);
        if (expired != null && (published == null || expired.compareTo(published) > 0)) {
            published = expired; // an entry leaving the site by the clock is a change too
        }
        Instant a = Timestamps.parse(saved);
        Instant b = Timestamps.parse(published);
        if (a == null || b == null) {
            return Optional.ofNullable(a != null ? a : b);
        }
        return Optional.of(a.isAfter(b) ? a : b);
    }

    /**
     * A stored instant ({@code 2021-05-27T07:03:01.000Z}, fixed width, see {@link Timestamps}) read
     * without the general ISO parser: a sitemap reads hundreds of thousands of them.
     */
    static Instant stored(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() != 24 || text.charAt(10) != 'T' || text.charAt(23) != 'Z') {
            return Timestamps.parse(text);
        }
        return java.time.LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), number(text, 20, 23) * 1_000_000)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not a stored instant: " + text);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("translation_group_id"), rs.getString("language"),
                rs.getLong("section_id"), rs.getString("title"), rs.getString("slug"), rs.getString("summary"),
                rs.getString("body"), rs.getString("author"), rs.getString("source"),
                Timestamps.parse(rs.getString("published_at")), EntryStatus.of(rs.getString("status")),
                rs.getBoolean("featured"), rs.getString("seo_title"), rs.getString("seo_description"),
                rs.getLong("view_count"), List.of(), Timestamps.parse(rs.getString("created_at")),
                Timestamps.parse(rs.getString("updated_at")));
    }
}
