package org.heraldcms.content.internal;

import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Tag;
import org.heraldcms.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TagRepository {

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tag> ofEntry(long entryId) {
        return jdbc.sql("SELECT t.name, t.slug FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = ? ORDER BY et.position")
                .param(entryId).query((rs, n) -> new Tag(rs.getString("name"), rs.getString("slug"))).list();
    }

    public Optional<Tag> find(String language, String slug) {
        return jdbc.sql("SELECT name, slug FROM tag WHERE language = ? AND slug = ?").params(language, slug)
                .query((rs, n) -> new Tag(rs.getString("name"), rs.getString("slug"))).optional();
    }

    /** Replaces an entry's tags, creating the tags that do not exist yet in its language. */
    public void replace(long entryId, String language, List<Tag> tags) {
        jdbc.sql("DELETE FROM entry_tag WHERE entry_id = ?").param(entryId).update();
        int position = 0;
        for (Tag tag : tags) {
            long tagId = idOf(language, tag);
            jdbc.sql("INSERT INTO entry_tag (entry_id, tag_id, position) VALUES (?, ?, ?)")
                    .params(entryId, tagId, position++).update();
        }
    }

    private long idOf(String language, Tag tag) {
        return jdbc.sql("SELECT id FROM tag WHERE language = ? AND slug = ?").params(language, tag.slug())
                .query(Long.class).optional()
                .orElseGet(() -> {
                    long id = Ids.next();
                    jdbc.sql("INSERT INTO tag (id, language, name, slug) VALUES (?, ?, ?, ?)")
                            .params(id, language, tag.name(), tag.slug()).update();
                    return id;
                });
    }
}
