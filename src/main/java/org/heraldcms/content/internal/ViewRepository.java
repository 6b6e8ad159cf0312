package org.heraldcms.content.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ViewRepository {

    private final JdbcClient jdbc;

    ViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void add(Map<Long, Long> views, LocalDate day) {
        views.forEach((entryId, n) -> {
            int updated = jdbc.sql("UPDATE entry SET view_count = view_count + ? WHERE id = ?").params(n, entryId).update();
            if (updated == 0) {
                return; // the entry was deleted meanwhile
            }
            jdbc.sql("""
                    INSERT INTO page_view_day (day, entry_id, views) VALUES (?, ?, ?)
                    ON CONFLICT (day, entry_id) DO UPDATE SET views = page_view_day.views + excluded.views""")
                    .params(day.toString(), entryId, n).update();
        });
    }

    public Map<LocalDate, Long> perDay(LocalDate from) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        jdbc.sql("SELECT day, SUM(views) AS views FROM page_view_day WHERE day >= ? GROUP BY day ORDER BY day")
                .param(from.toString())
                .query(rs -> {
                    days.put(LocalDate.parse(rs.getString("day")), rs.getLong("views"));
                });
        return days;
    }
}
