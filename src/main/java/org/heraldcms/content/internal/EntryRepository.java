package org.heraldcms.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryExpiry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EntryRepository {

    private static final String COLUMNS = """
            id, translation_group_id, language, section_id, title, slug, summary, body, author, source, published_at,
            status, featured, seo_title, seo_description, view_count, created_at, updated_at""";
    private static final String CARD_COLUMNS = "id, language, section_id, title, slug, summary, author, published_at, featured";
    private static final String VISIBLE = "status = 'published' AND published_at <= :now AND "
            + EntryExpiry.NOT_EXPIRED.replace("= e.id", "= entry.id");

    /** Leaves out sections the visitor may not see (see {@link SectionAccess}); bound with {@code hidden}. */
    private static final String OPEN = " AND section_id NOT IN (:hidden)";

    private final JdbcClient jdbc;
    private final SectionAccess access;

    EntryRepository(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE id = ?").param(id).query(EntryRepository::entry).optional();
    }

    public Optional<Entry> findBySlug(String language, long sectionId, String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE language = ? AND section_id = ? AND slug = ?")
                .params(language, sectionId, slug).query(EntryRepository::entry).optional();
    }

    public boolean slugTaken(String language, long sectionId, String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM entry WHERE language = ? AND section_id = ? AND slug = ? AND id <> ?")
                .params(language, sectionId, slug, exceptId).query(Long.class).single() > 0;
    }

    public boolean languageTaken(long groupId, String language) {
        return jdbc.sql("SELECT COUNT(*) FROM entry WHERE translation_group_id = ? AND language = ?")
                .params(groupId, language).query(Long.class).single() > 0;
    }

    public void insertGroup(long groupId) {
        jdbc.sql("INSERT INTO translation_group (id, created_at) VALUES (?, ?)").params(groupId, Timestamps.now()).update();
    }

    public void insert(Entry e) {
        jdbc.sql("INSERT INTO entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.translationGroupId(), e.language(), e.sectionId(), e.title(), e.slug(), e.summary(),
                        e.body(), e.author(), e.source(), Timestamps.format(e.publishedAt()), e.status().code(),
                        e.featured(), e.seoTitle(), e.seoDescription(), e.viewCount(),
                        Timestamps.format(e.createdAt()), Timestamps.format(e.updatedAt()))
                .update();
    }

    public void update(Entry e) {
        jdbc.sql("""
                UPDATE entry SET section_id = ?, title = ?, slug = ?, summary = ?, body = ?, author = ?, source = ?,
                  published_at = ?, status = ?, featured = ?, seo_title = ?, seo_description = ?, updated_at = ?
                WHERE id = ?""")
                .params(e.sectionId(), e.title(), e.slug(), e.summary(), e.body(), e.author(), e.source(),
                        Timestamps.format(e.publishedAt()), e.status().code(), e.featured(), e.seoTitle(),
                        e.seoDescription(), Timestamps.format(e.updatedAt()), e.id())
                .update();
    }

    public Optional<Entry> findVisible(String language, long sectionId, String slug, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE language = :language AND section_id = :section"
                        + " AND slug = :slug AND " + VISIBLE + OPEN)
                .param("language", language).param("section", sectionId).param("slug", slug)
                .param("hidden", access.hidden())
                .param("now", Timestamps.format(now))
                .query(EntryRepository::entry).optional();
    }

    public List<EntryCard> visibleInSection(String language, long sectionId, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM entry WHERE language = :language AND section_id = :section AND "
                        + VISIBLE + OPEN + " ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now))
                .param("hidden", access.hidden())
                .param("limit", limit).param("offset", offset)
                .query(EntryRepository::card).list();
    }

    public long countVisibleInSection(String language, long sectionId, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM entry WHERE language = :language AND section_id = :section AND " + VISIBLE + OPEN)
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now))
                .param("hidden", access.hidden())
                .query(Long.class).single();
    }

    public List<EntryCard> visibleInSections(String language, List<Long> sectionIds, boolean featuredOnly,
                                             Instant now, int limit) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM entry WHERE language = :language AND section_id IN (:sections)"
                        + (featuredOnly ? " AND featured = :featured" : "") + " AND " + VISIBLE + OPEN
                        + " ORDER BY published_at DESC, id DESC LIMIT :limit")
                .param("hidden", access.hidden()).param("language", language).param("sections", sectionIds).param("featured", true)
                .param("now", Timestamps.format(now)).param("limit", limit)
                .query(EntryRepository::card).list();
    }

    /**
     * The visible entry just older ({@code older}) or newer than this one in its section. Row values
     * keep the comparison inside the listing index; an older entry is visible if this one is.
     */
    public Optional<EntryCard> neighbour(Entry e, boolean older, Instant now) {
        String sql = older
                ? "(published_at, id) < (:at, :id) ORDER BY published_at DESC, id DESC"
                : "(published_at, id) > (:at, :id) AND published_at <= :now ORDER BY published_at ASC, id ASC";
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM entry WHERE language = :language AND section_id = :section"
                        + " AND status = 'published'" + OPEN + " AND " + EntryExpiry.NOT_EXPIRED.replace("= e.id", "= entry.id")
                        + " AND " + sql + " LIMIT 1")
                .param("hidden", access.hidden()).param("language", e.language()).param("section", e.sectionId()).param("now", Timestamps.format(now))
                .param("at", Timestamps.format(e.publishedAt())).param("id", e.id())
                .query(EntryRepository::card).optional();
    }

    public List<Entry> visibleInGroup(long groupId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE translation_group_id = :group AND " + VISIBLE + OPEN)
                .param("hidden", access.hidden()).param("group", groupId).param("now", Timestamps.format(now))
                .query(EntryRepository::entry).list();
    }

    public List<EntryCard> visibleWithTag(String language, String tagSlug, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT " + prefixed(CARD_COLUMNS) + " FROM entry e JOIN entry_tag et ON et.entry_id = e.id"
                        + " JOIN tag t ON t.id = et.tag_id WHERE t.language = :language AND t.slug = :tag"
                        + " AND e.status = 'published' AND e.published_at <= :now AND e.section_id NOT IN (:hidden) AND "
                        + EntryExpiry.NOT_EXPIRED
                        + " ORDER BY e.published_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .param("hidden", access.hidden()).param("language", language).param("tag", tagSlug).param("now", Timestamps.format(now))
                .param("limit", limit).param("offset", offset)
                .query(EntryRepository::card).list();
    }

    public long countVisibleWithTag(String language, String tagSlug, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM entry e JOIN entry_tag et ON et.entry_id = e.id JOIN tag t ON t.id = et.tag_id"
                        + " WHERE t.language = :language AND t.slug = :tag AND e.status = 'published' AND e.published_at <= :now"
                        + " AND e.section_id NOT IN (:hidden) AND " + EntryExpiry.NOT_EXPIRED)
                .param("hidden", access.hidden()).param("language", language).param("tag", tagSlug).param("now", Timestamps.format(now))
                .query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
    }

    /** id → updated_at of every entry visible at {@code now}. */
    public Map<Long, Instant> visibleVersions(Instant now) {
        Map<Long, Instant> versions = new LinkedHashMap<>();
        jdbc.sql("SELECT id, updated_at FROM entry WHERE " + VISIBLE).param("now", Timestamps.format(now))
                .query((RowCallbackHandler) rs -> versions.put(rs.getLong(1), Timestamps.parse(rs.getString(2))));
        return versions;
    }

    /** Every entry visible at {@code now}, one at a time (without tags), read in pages by id: no long transaction, bounded memory. */
    public void forEachVisible(Instant now, Consumer<Entry> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Entry> page = jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE " + VISIBLE
                            + " AND id > :after ORDER BY id LIMIT 500")
                    .param("now", Timestamps.format(now)).param("after", after).query(EntryRepository::entry).list();
            page.forEach(action);
            if (page.size() < 500) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static String prefixed(String columns) {
        return "e." + columns.replace(", ", ", e.");
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

    private static EntryCard card(ResultSet rs, int row) throws SQLException {
        return new EntryCard(rs.getLong("id"), rs.getString("language"), rs.getLong("section_id"),
                rs.getString("title"), rs.getString("slug"), rs.getString("summary"), rs.getString("author"),
                Timestamps.parse(rs.getString("published_at")), rs.getBoolean("featured"));
    }

    /** Sets the view count (an import carries the old site's count over). */
    public void setViewCount(long id, long viewCount) {
        jdbc.sql("UPDATE entry SET view_count = ? WHERE id = ?").params(viewCount, id).update();
    }
}
