package org.heraldcms.kinds.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.KindCard;
import org.heraldcms.kinds.LinkFields;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LinkRepository {

    private final JdbcClient jdbc;
    private final SectionAccess access;

    LinkRepository(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void put(long entryId, LinkFields f) {
        jdbc.sql("DELETE FROM entry_link WHERE entry_id = ?").param(entryId).update();
        jdbc.sql("INSERT INTO entry_link (entry_id, url, media_name, position, ends_at) VALUES (?, ?, ?, ?, ?)")
                .params(entryId, f.url(), f.mediaName(), f.position(), Timestamps.format(f.endsAt())).update();
    }

    public Optional<LinkFields> find(long entryId) {
        return jdbc.sql("SELECT url, media_name, position, ends_at FROM entry_link WHERE entry_id = ?").param(entryId)
                .query((rs, n) -> new LinkFields(rs.getString("url"), rs.getString("media_name"), rs.getInt("position"),
                        Timestamps.parse(rs.getString("ends_at")))).optional();
    }

    /** The visible links of these sections in their order (ended ones are expired entries: not visible). */
    public List<KindCard<LinkFields>> visible(String language, List<Long> sections, Instant now) {
        if (sections.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + KindSql.CARD + ", l.url, l.media_name, l.position, l.ends_at FROM entry e"
                        + " JOIN entry_link l ON l.entry_id = e.id WHERE e.language = :language"
                        + " AND e.section_id IN (:sections) AND " + KindSql.VISIBLE
                        + " ORDER BY l.position, e.title, e.id LIMIT 200")
                .param("language", language).param("sections", sections).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, n) -> KindSql.card(rs, new LinkFields(rs.getString("url"), rs.getString("media_name"),
                        rs.getInt("position"), Timestamps.parse(rs.getString("ends_at"))))).list();
    }
}
