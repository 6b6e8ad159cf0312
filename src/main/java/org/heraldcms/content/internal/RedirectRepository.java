package org.heraldcms.content.internal;

import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RedirectRepository {

    private final JdbcClient jdbc;

    RedirectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> target(String oldPath) {
        return jdbc.sql("SELECT target_path FROM redirect WHERE old_path = ?").param(oldPath).query(String.class).optional();
    }

    public void put(String oldPath, String targetPath, String origin) {
        jdbc.sql("DELETE FROM redirect WHERE old_path = ?").param(oldPath).update();
        jdbc.sql("INSERT INTO redirect (old_path, target_path, origin, created_at) VALUES (?, ?, ?, ?)")
                .params(oldPath, targetPath, origin, Timestamps.now()).update();
    }

    /** Points every redirect that ends at {@code from} to {@code to} instead, so a chain stays one hop. */
    public void retarget(String from, String to) {
        jdbc.sql("UPDATE redirect SET target_path = ? WHERE target_path = ?").params(to, from).update();
    }

    /** A live page at this path needs no redirect away from it. */
    public void remove(String oldPath) {
        jdbc.sql("DELETE FROM redirect WHERE old_path = ?").param(oldPath).update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM redirect").query(Long.class).single();
    }
}
