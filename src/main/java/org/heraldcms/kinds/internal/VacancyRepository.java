package org.heraldcms.kinds.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.KindCard;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SectionAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VacancyRepository {

    /** What {@code closes_at} holds for a vacancy open until filled. */
    private static final String OPEN = "";

    private final JdbcClient jdbc;
    private final SectionAccess access;

    VacancyRepository(JdbcClient jdbc, SectionAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void put(long entryId, VacancyFields f) {
        jdbc.sql("DELETE FROM entry_vacancy WHERE entry_id = ?").param(entryId).update();
        jdbc.sql("INSERT INTO entry_vacancy (entry_id, grade, duty_station, closes_at) VALUES (?, ?, ?, ?)")
                .params(entryId, f.grade(), f.dutyStation(), f.closesAt() == null ? OPEN : Timestamps.format(f.closesAt())).update();
    }

    public Optional<VacancyFields> find(long entryId) {
        return jdbc.sql("SELECT grade, duty_station, closes_at FROM entry_vacancy WHERE entry_id = ?").param(entryId)
                .query((rs, n) -> new VacancyFields(rs.getString("grade"), rs.getString("duty_station"),
                        closes(rs.getString("closes_at")))).optional();
    }

    /** Open vacancies of a section, closing soonest first, then those open until filled (closed ones are expired entries). */
    public List<KindCard<VacancyFields>> open(String language, long sectionId, Instant now) {
        return jdbc.sql("SELECT " + KindSql.CARD + ", v.grade, v.duty_station, v.closes_at FROM entry e"
                        + " JOIN entry_vacancy v ON v.entry_id = e.id WHERE e.language = :language"
                        + " AND e.section_id = :section AND " + KindSql.VISIBLE + " AND (v.closes_at > :now OR v.closes_at = '')"
                        + " ORDER BY CASE WHEN v.closes_at = '' THEN 1 ELSE 0 END, v.closes_at, e.id LIMIT 500")
                .param("language", language).param("section", sectionId).param("now", Timestamps.format(now)).param("hidden", access.hidden())
                .query((rs, n) -> KindSql.card(rs, new VacancyFields(rs.getString("grade"),
                        rs.getString("duty_station"), closes(rs.getString("closes_at"))))).list();
    }

    private static Instant closes(String stored) {
        return OPEN.equals(stored) ? null : Timestamps.parse(stored);
    }
}
