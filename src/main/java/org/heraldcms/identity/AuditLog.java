package org.heraldcms.identity;

import java.time.Instant;
import java.util.List;

import org.heraldcms.platform.Ids;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who did what, when, from where: one row per admin action. Values are stored as given and escaped when shown. */
@Service
public class AuditLog {

    public record Event(Instant at, String username, String action, String detail, String remoteAddress) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String action, String detail, String remoteAddress) {
        jdbc.sql("INSERT INTO audit_event (id, at, username, action, detail, remote_address) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.next(), Timestamps.now(), cut(username, 64), cut(action, 100), cut(detail, 2000),
                        cut(remoteAddress, 100))
                .update();
    }

    public List<Event> recent(int limit) {
        return jdbc.sql("SELECT at, username, action, detail, remote_address FROM audit_event ORDER BY at DESC, id DESC "
                        + "LIMIT ?").param(limit)
                .query((rs, n) -> new Event(Timestamps.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max);
    }
}
