package org.heraldcms.content;

import java.time.Instant;
import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When an entry leaves the public site by itself: a vacancy at its closing, a banner at its end.
 * Every read of the public site compares it with now, so nothing has to run at that instant.
 */
@Service
public class EntryExpiry {

    /** The SQL condition an entry row aliased {@code e} must meet to be on the site at {@code :now}. */
    public static final String NOT_EXPIRED =
            "NOT EXISTS (SELECT 1 FROM entry_expiry xx WHERE xx.entry_id = e.id AND xx.expires_at <= :now)";

    private final JdbcClient jdbc;

    EntryExpiry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets when the entry leaves the site; null: it stays. Called inside the entry's saving transaction. */
    public void set(long entryId, Instant expiresAt) {
        jdbc.sql("DELETE FROM entry_expiry WHERE entry_id = ?").param(entryId).update();
        if (expiresAt != null) {
            jdbc.sql("INSERT INTO entry_expiry (entry_id, expires_at) VALUES (?, ?)")
                    .params(entryId, Timestamps.format(expiresAt)).update();
        }
    }

    public Optional<Instant> of(long entryId) {
        return jdbc.sql("SELECT expires_at FROM entry_expiry WHERE entry_id = ?").param(entryId)
                .query(String.class).optional().map(Timestamps::parse);
    }

    /**
     * The next instant after {@code now} at which the public site changes by the clock alone: an
     * expiry comes or a published entry's publication time comes. Caches keep pages no longer.
     */
    public Optional<Instant> nextChange(Instant now) {
        String at = Timestamps.format(now);
        String expiry = jdbc.sql("SELECT MIN(expires_at) FROM entry_expiry WHERE expires_at > ?").param(at)
                .query(String.class).optional().orElse(null);
        String due = jdbc.sql("SELECT MIN(published_at) FROM entry WHERE status = 'published' AND published_at > ?")
                .param(at).query(String.class).optional().orElse(null);
        Instant a = Timestamps.parse(expiry);
        Instant b = Timestamps.parse(due);
        if (a == null || b == null) {
            return Optional.ofNullable(a != null ? a : b);
        }
        return Optional.of(a.isBefore(b) ? a : b);
    }
}
