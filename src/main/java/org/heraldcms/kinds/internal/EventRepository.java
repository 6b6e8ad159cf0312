package org.heraldcms.kinds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.EventFields;
import org.heraldcms.kinds.KindCard;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EventRepository {

    private static final String SELECT = "SELECT " + KindSql.CARD + ", v.starts_at, v.ends_at, v.time_zone, v.place,"
            + " v.online, v.organisers, v.participants FROM entry e JOIN entry_event v ON v.entry_id = e.id"
            + " WHERE e.language = :language AND e.section_id IN (:sections) AND " + KindSql.VISIBLE;
    private final JdbcClient jdbc;
    private final SectionAccess access;

    EventRepository(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void put(long entryId, EventFields f) {
        jdbc.sql("DELETE FROM entry_event WHERE entry_id = ?").param(entryId).update();
        jdbc.sql("INSERT INTO entry_event (entry_id, starts_at, ends_at, time_zone, place, online, organisers,"
                        + " participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entryId, Timestamps.format(f.startsAt()), Timestamps.format(f.endsAt()), f.zone().getId(),
                        f.place(), f.online(), f.organisers(), f.participants()).update();
    }

    public Optional<EventFields> find(long entryId) {
        return jdbc.sql("SELECT * FROM entry_event v WHERE entry_id = ?").param(entryId)
                .query((rs, n) -> fields(rs)).optional();
    }

    /** Events not yet over, soonest first. */
    public List<KindCard<EventFields>> upcoming(String language, List<Long> sections, Instant now, int limit) {
        return query(SELECT + " AND v.ends_at >= :now ORDER BY v.starts_at, e.id LIMIT :limit", language, sections,
                now, limit, 0);
    }

    /** Events that are over, latest first. */
    public List<KindCard<EventFields>> past(String language, List<Long> sections, Instant now, int limit, long offset) {
        return query(SELECT + " AND v.ends_at < :now ORDER BY v.starts_at DESC, e.id DESC LIMIT :limit OFFSET :offset",
                language, sections, now, limit, offset);
    }

    public long countPast(String language, List<Long> sections, Instant now) {
        if (sections.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM entry e JOIN entry_event v ON v.entry_id = e.id WHERE e.language = :language"
                        + " AND e.section_id IN (:sections) AND " + KindSql.VISIBLE + " AND v.ends_at < :now")
                .param("language", language).param("sections", sections).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query(Long.class).single();
    }

    /** Events that overlap {@code [from, to)}, in order of start. */
    public List<KindCard<EventFields>> overlapping(String language, List<Long> sections, Instant from, Instant to,
                                                   Instant now) {
        if (sections.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " AND v.starts_at < :to AND v.ends_at >= :from ORDER BY v.starts_at, e.id LIMIT 500")
                .param("language", language).param("sections", sections).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .param("from", Timestamps.format(from)).param("to", Timestamps.format(to))
                .query((rs, n) -> KindSql.card(rs, fields(rs))).list();
    }

    /** The earliest start and the latest end of the visible events of these sections, or empty. */
    public Optional<Instant[]> span(String language, List<Long> sections, Instant now) {
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT MIN(v.starts_at) AS first_start, MAX(v.ends_at) AS last_end FROM entry e"
                        + " JOIN entry_event v ON v.entry_id = e.id WHERE e.language = :language"
                        + " AND e.section_id IN (:sections) AND " + KindSql.VISIBLE)
                .param("language", language).param("sections", sections).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, n) -> rs.getString("first_start") == null ? null : new Instant[] {
                        Timestamps.parse(rs.getString("first_start")), Timestamps.parse(rs.getString("last_end"))})
                .optional();
    }

    /** The end of the next event to end after {@code now}: upcoming lists change then. */
    public Optional<Instant> nextEnd(Instant now) {
        return jdbc.sql("SELECT MIN(ends_at) FROM entry_event WHERE ends_at > ?").param(Timestamps.format(now))
                .query(String.class).optional().map(Timestamps::parse);
    }

    public void putReport(long entryId, Long eventGroupId) {
        jdbc.sql("DELETE FROM entry_event_report WHERE entry_id = ?").param(entryId).update();
        if (eventGroupId != null) {
            jdbc.sql("INSERT INTO entry_event_report (entry_id, event_group_id) VALUES (?, ?)")
                    .params(entryId, eventGroupId).update();
        }
    }

    public Optional<Long> reportedGroup(long entryId) {
        return jdbc.sql("SELECT event_group_id FROM entry_event_report WHERE entry_id = ?").param(entryId)
                .query(Long.class).optional();
    }

    public boolean isEventGroup(long groupId) {
        return jdbc.sql("SELECT COUNT(*) FROM entry e JOIN entry_event v ON v.entry_id = e.id"
                + " WHERE e.translation_group_id = ?").param(groupId).query(Long.class).single() > 0;
    }

    /** Visible entries of a language that report on the events of this translation group, newest first. */
    public List<KindCard<EventFields>> reports(long eventGroupId, String language, Instant now) {
        return jdbc.sql("SELECT " + KindSql.CARD + " FROM entry e JOIN entry_event_report r ON r.entry_id = e.id"
                        + " WHERE r.event_group_id = :group AND e.language = :language AND " + KindSql.VISIBLE
                        + " ORDER BY e.published_at DESC, e.id DESC LIMIT 50")
                .param("group", eventGroupId).param("language", language).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, n) -> KindSql.<EventFields>card(rs, null)).list();
    }

    /** The visible event of this translation group in a language. */
    public Optional<KindCard<EventFields>> inGroup(long groupId, String language, Instant now) {
        return jdbc.sql("SELECT " + KindSql.CARD + ", v.starts_at, v.ends_at, v.time_zone, v.place, v.online,"
                        + " v.organisers, v.participants FROM entry e JOIN entry_event v ON v.entry_id = e.id"
                        + " WHERE e.translation_group_id = :group AND e.language = :language AND " + KindSql.VISIBLE)
                .param("group", groupId).param("language", language).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, n) -> KindSql.card(rs, fields(rs))).optional();
    }

    /** Every event of a language, any status but trashed, for the editor's "reports on" choice. */
    public List<KindCard<EventFields>> choices(String language) {
        return jdbc.sql("SELECT " + KindSql.CARD + ", v.starts_at, v.ends_at, v.time_zone, v.place, v.online,"
                        + " v.organisers, v.participants FROM entry e JOIN entry_event v ON v.entry_id = e.id"
                        + " WHERE e.language = :language AND NOT EXISTS (SELECT 1 FROM entry_trash t WHERE t.entry_id = e.id)"
                        + " ORDER BY v.starts_at DESC LIMIT 200")
                .param("language", language).query((rs, n) -> KindSql.card(rs, fields(rs))).list();
    }

    private List<KindCard<EventFields>> query(String sql, String language, List<Long> sections, Instant now, int limit,
                                              long offset) {
        if (sections.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql).param("language", language).param("sections", sections)
                .param("now", Timestamps.format(now)).param("hidden", access.hidden()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> KindSql.card(rs, fields(rs))).list();
    }

    static EventFields fields(ResultSet rs) throws SQLException {
        return new EventFields(Timestamps.parse(rs.getString("starts_at")), Timestamps.parse(rs.getString("ends_at")),
                ZoneId.of(rs.getString("time_zone")), rs.getString("place"), rs.getBoolean("online"),
                rs.getString("organisers"), rs.getString("participants"));
    }
}
