package org.heraldcms.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Revision;
import org.heraldcms.content.Tag;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RevisionRepository {

    /** Tags are kept in a revision as one text, one name per line: names never hold a line break. */
    private static final String TAG_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Revision record(Entry e, String savedBy) {
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM revision WHERE entry_id = ?").param(e.id())
                .query(Integer.class).single() + 1;
        long id = Ids.next();
        List<String> tags = e.tags().stream().map(Tag::name).toList();
        jdbc.sql("""
                INSERT INTO revision (id, entry_id, number, saved_at, saved_by, section_id, title, slug, summary, body,
                  author, source, published_at, status, tags, seo_title, seo_description)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, e.id(), number, Timestamps.format(e.updatedAt()), savedBy, e.sectionId(), e.title(),
                        e.slug(), e.summary(), e.body(), e.author(), e.source(), Timestamps.format(e.publishedAt()),
                        e.status().code(), String.join(TAG_SEPARATOR, tags), e.seoTitle(), e.seoDescription())
                .update();
        return new Revision(id, e.id(), number, e.updatedAt(), savedBy, e.sectionId(), e.title(), e.slug(),
                e.summary(), e.body(), e.author(), e.source(), e.publishedAt(), e.status(), tags, e.seoTitle(),
                e.seoDescription());
    }

    public int last(long entryId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM revision WHERE entry_id = ?").param(entryId)
                .query(Integer.class).single();
    }

    public List<Revision> ofEntry(long entryId) {
        return jdbc.sql("SELECT * FROM revision WHERE entry_id = ? ORDER BY number").param(entryId)
                .query(RevisionRepository::revision).list();
    }

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        String tags = rs.getString("tags");
        return new Revision(rs.getLong("id"), rs.getLong("entry_id"), rs.getInt("number"),
                Timestamps.parse(rs.getString("saved_at")), rs.getString("saved_by"), rs.getLong("section_id"),
                rs.getString("title"), rs.getString("slug"), rs.getString("summary"), rs.getString("body"),
                rs.getString("author"), rs.getString("source"), Timestamps.parse(rs.getString("published_at")),
                EntryStatus.of(rs.getString("status")),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR)),
                rs.getString("seo_title"), rs.getString("seo_description"));
    }
}
